/**
 * GraphQL input → BluSKY bodies, and BluSKY answers → what the gateway keeps. The PIN goes into
 * the AddUserCard body and nowhere else; the listing's PIN is dropped here, at the boundary.
 */
import type { AddUserCardInput, RemoveUserCardInput } from '../../generated/graphql';
import { isAbsent } from './inputRules';
import type { BsAddUserCardDto, BsRemoveUserCardDto, BsUserCardDto, BsUserCardsDto, UserCardLocator, UserCardView } from './types';

/** Call only with input that passed checkAddUserCardInput. Absent fields are left out of the body. */
export function toAddUserCardDto(input: AddUserCardInput): BsAddUserCardDto {
  const dto: BsAddUserCardDto = { UserId: input.userId.trim() };
  if (!isAbsent(input.cardId)) dto.CardId = input.cardId!.trim();
  if (isNumber(input.cardType)) dto.CardType = input.cardType;
  if (!isAbsent(input.cardAcSystemId)) dto.CardACSystemId = input.cardAcSystemId!.trim();
  if (!isAbsent(input.internalCardNumber)) dto.InternalCardNumber = Number(input.internalCardNumber!.trim());
  if (!isAbsent(input.externalCardNumber)) dto.ExternalCardNumber = input.externalCardNumber!.trim();
  if (!isAbsent(input.cardSerialNumber)) dto.CardSerialNumber = Number(input.cardSerialNumber!.trim());
  if (isNumber(input.facilityCode)) dto.FacilityCode = input.facilityCode;
  if (isNumber(input.issueCode)) dto.IssueCode = input.issueCode;
  if (!isAbsent(input.pin)) dto.PIN = input.pin!;
  return dto;
}

export function toRemoveUserCardDto(input: RemoveUserCardInput): BsRemoveUserCardDto {
  const dto: BsRemoveUserCardDto = { UserId: input.userId.trim() };
  if (!isAbsent(input.cardId)) dto.CardId = input.cardId!.trim();
  if (!isAbsent(input.externalCardNumber)) dto.ExternalCardNumber = input.externalCardNumber!.trim();
  return dto;
}

/** Which card a write was about, in the gateway's terms (GUIDs lower-cased). */
export function locatorOf(input: { userId: string; cardId?: string | null; externalCardNumber?: string | null; cardAcSystemId?: string | null }): UserCardLocator {
  return {
    userId: input.userId.trim().toLowerCase(),
    cardId: isAbsent(input.cardId) ? null : input.cardId!.trim().toLowerCase(),
    externalCardNumber: isAbsent(input.externalCardNumber) ? null : input.externalCardNumber!.trim(),
    cardAcSystemId: isAbsent(input.cardAcSystemId) ? null : input.cardAcSystemId!.trim().toLowerCase(),
  };
}

/** The listing without PINs. Entries without a CardId cannot be named, so they are left out. */
export function toUserCardViews(dto: BsUserCardsDto, userId: string): UserCardView[] {
  const cards = Array.isArray(dto.Cards) ? dto.Cards : [];
  return cards.filter((card) => typeof card?.CardId === 'string' && card.CardId !== '').map((card) => toUserCardView(card, userId));
}

function toUserCardView(card: BsUserCardDto, userId: string): UserCardView {
  return {
    userId,
    cardId: card.CardId!,
    cardType: intOrNull(card.CardType),
    cardAcSystemId: stringOrNull(card.CardACSystemId),
    internalCardNumber: card.InternalCardNumber === null || card.InternalCardNumber === undefined ? null : String(card.InternalCardNumber),
    externalCardNumber: stringOrNull(card.ExternalCardNumber),
    facilityCode: intOrNull(card.FacilityCode),
    issueCode: intOrNull(card.IssueCode),
    hasPin: typeof card.PIN === 'string' && card.PIN !== '',
    removed: card.Deleted === true,
  };
}

/**
 * The entry a write was about in a fresh listing: by card id, else by printed number (and access
 * control system when known). With `removed` set, the latest entry in that state.
 */
export function findUserCard(cards: readonly UserCardView[], locator: UserCardLocator, removed: boolean): UserCardView | null {
  const matches = cards.filter((card) => {
    if (card.removed !== removed) return false;
    if (locator.cardId !== null) return card.cardId.toLowerCase() === locator.cardId;
    if (card.externalCardNumber !== locator.externalCardNumber) return false;
    return locator.cardAcSystemId === null || card.cardAcSystemId?.toLowerCase() === locator.cardAcSystemId;
  });
  return matches.at(-1) ?? null;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
