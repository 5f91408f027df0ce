/**
 * BluSKY's `ResultCode` answers, read in one place.
 *
 * The meanings of the codes are not public (the help page's sample `1` is filler). The gateway
 * returns the code and Description verbatim, and decides success by the one assumption below: code
 * 0 is success (as .NET result enums commonly have it; our simulator does the same). For AddUserCard
 * success also needs a real GUID in `Value`, the created entry's id; a failed add carries the empty
 * GUID there. Every other code is a refusal, reported as REJECTED_BY_VENDOR with BluSKY's words.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { maskSecrets } from '../../errors/secretInputs';
import { userError, type UserErrorValue } from '../../mutations/userErrors';
import { isGuid } from '../../validation/guid';
import type { BluskyResult, BsResultDto } from './types';

export const BLUSKY_SUCCESS_RESULT_CODE = 0;
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** The result as returned to clients: code and description verbatim, secrets masked. */
export function readResult(body: unknown, secrets: readonly string[] = []): BluskyResult {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !Number.isInteger((body as BsResultDto).ResultCode)) {
    throw new VendorError('blusky', ErrorCode.VENDOR_BAD_RESPONSE, 'BluSKY answered without a ResultCode; whether the change was made is unknown.');
  }
  const dto = body as BsResultDto;
  const description = typeof dto.Description === 'string' ? maskSecrets(dto.Description, secrets) : null;
  return { resultCode: dto.ResultCode as number, description };
}

/** The created user-card id of a successful add, or null. */
export function createdUserCardId(body: unknown, result: BluskyResult): string | null {
  if (result.resultCode !== BLUSKY_SUCCESS_RESULT_CODE) return null;
  const value = (body as BsResultDto).Value;
  return typeof value === 'string' && isGuid(value) && value !== EMPTY_GUID ? value.toLowerCase() : null;
}

/** The user error for a result that is not a success. */
export function refusal(action: 'add' | 'remove', result: BluskyResult): UserErrorValue {
  const what = action === 'add' ? 'add the card' : 'remove the card';
  const said = result.description ? `: ${result.description}` : '.';
  if (result.resultCode === BLUSKY_SUCCESS_RESULT_CODE) {
    return userError(null, 'REJECTED_BY_VENDOR', `BluSKY reported success but sent no id for the new user card${said}`);
  }
  return userError(null, 'REJECTED_BY_VENDOR', `BluSKY did not ${what} (result code ${result.resultCode})${said}`);
}
