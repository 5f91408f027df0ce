/**
 * BluSKY `ResultCode` values as this simulator answers them.
 *
 * The real meanings are not public (the help page's sample `1` is filler). We
 * chose 0 for success, as .NET result enums commonly do, which also means a
 * client that takes the sample's `1` for success fails its tests here: success
 * must be recognised by the code, never assumed. Business failures come back
 * as HTTP 200 with one of the other codes; `Description` says what went wrong
 * and a failed add carries the empty GUID as `Value` (ResultWithGuid.Value is
 * a non-nullable .NET Guid).
 */

export const bluskyResultCodes = {
  Success: 0,
  /** A required or conditional field is missing, or a value is out of range for the card type. */
  ValidationFailed: 1,
  /** No user with that UserId. */
  UserNotFound: 2,
  /** CardId names no existing card. */
  CardNotFound: 3,
  /** CardId names a card already assigned to a user (this one or another). */
  CardAlreadyAssigned: 4,
  /** A dynamically added card duplicates an existing card in that access control system. */
  CardAlreadyExists: 5,
  /** CardACSystemId names no access control system. */
  ACSystemNotFound: 6,
  /** CardType names no card type. */
  CardTypeNotFound: 7,
  /** RemoveUserCard: the user holds no (undeleted) card matching CardId / ExternalCardNumber. */
  UserCardNotFound: 8,
} as const;

export type BluskyResultName = keyof typeof bluskyResultCodes;
export type BluskyResultCode = (typeof bluskyResultCodes)[BluskyResultName];

/** The empty GUID a failed add returns as `Value`. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** `{ResultCode, Description}`, the answer of RemoveUserCard. */
export interface BluskyResult {
  ResultCode: number;
  Description: string;
}

/** `ResultWithGuid`, the answer of AddUserCard. */
export interface ResultWithGuid extends BluskyResult {
  Value: string;
}

export function result(name: BluskyResultName, description: string): BluskyResult {
  return { ResultCode: bluskyResultCodes[name], Description: description };
}

export function resultWithGuid(name: BluskyResultName, description: string, value = EMPTY_GUID): ResultWithGuid {
  return { ...result(name, description), Value: value };
}
