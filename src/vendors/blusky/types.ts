/**
 * BluSKY shapes: what the vendor sends and receives (`Bs...Dto`, in its PascalCase names) and what
 * the gateway keeps of it (the parents of the UserCard and payload types). The PIN exists only in
 * the outgoing AddUserCard body; no type the gateway keeps has a place for it.
 */
import type { UserErrorValue } from '../../mutations/userErrors';

/** `AddUserCardViewModel` as documented; absent fields are left out of the JSON. */
export interface BsAddUserCardDto {
  UserId: string;
  CardId?: string;
  CardType?: number;
  CardACSystemId?: string;
  InternalCardNumber?: number;
  ExternalCardNumber?: string;
  CardSerialNumber?: number;
  FacilityCode?: number;
  IssueCode?: number;
  /** Write-only secret: never log this object. */
  PIN?: string;
}

/** `RemoveUserCard` body (BluSKY's public help). */
export interface BsRemoveUserCardDto {
  UserId: string;
  CardId?: string;
  ExternalCardNumber?: string;
}

/** `{ResultCode, Description}`, and `Value` for ResultWithGuid. */
export interface BsResultDto {
  ResultCode?: unknown;
  Description?: unknown;
  Value?: unknown;
}

/** One entry of `GET api/v1/Users/UserCards` (it carries the PIN, which the mapping drops). */
export interface BsUserCardDto {
  CardId?: string;
  CardType?: number | null;
  CardACSystemId?: string | null;
  InternalCardNumber?: number | string | null;
  ExternalCardNumber?: string | null;
  FacilityCode?: number | null;
  IssueCode?: number | null;
  PIN?: string | null;
  Deleted?: boolean;
}

export interface BsUserCardsDto {
  UserId?: string;
  Cards?: BsUserCardDto[];
}

/** A user card as the gateway keeps it: the parent of the UserCard type. No PIN, only whether one is set. */
export interface UserCardView {
  userId: string;
  cardId: string;
  cardType: number | null;
  cardAcSystemId: string | null;
  internalCardNumber: string | null;
  externalCardNumber: string | null;
  facilityCode: number | null;
  issueCode: number | null;
  hasPin: boolean;
  removed: boolean;
}

/** BluSKY's answer to a write, verbatim (with any PIN masked in the description). */
export interface BluskyResult {
  resultCode: number | null;
  description: string | null;
}

/** Which card a write was about, so the payload can read it back on demand. */
export interface UserCardLocator {
  userId: string;
  cardId: string | null;
  externalCardNumber: string | null;
  cardAcSystemId: string | null;
}

/** Parent of AddUserCardPayload. */
export interface AddUserCardOutcome extends Partial<BluskyResult> {
  userCardId: string | null;
  /** Set when the card was added. */
  added: UserCardLocator | null;
  userErrors: UserErrorValue[];
}

/** Parent of RemoveUserCardPayload. */
export interface RemoveUserCardOutcome extends Partial<BluskyResult> {
  /** Set when the card was removed. */
  removed: UserCardLocator | null;
  userErrors: UserErrorValue[];
}
