/**
 * `addUserCard` and `removeUserCard`: check the input (no call when it fails), send the write once,
 * and read BluSKY's answer: its ResultCode and Description verbatim (secrets masked), the created
 * id, or user errors. The PIN is passed to BluSKY and to the masking of BluSKY's words, nowhere else.
 */
import type { AddUserCardInput, RemoveUserCardInput } from '../../generated/graphql';
import type { VendorResponse } from '../../http/vendorHttpClient';
import type { UserErrorValue } from '../userErrors';
import type { BluskyClient } from '../../vendors/blusky/client';
import { bluskyError, modelStateErrors } from '../../vendors/blusky/errors';
import { checkAddUserCardInput, checkRemoveUserCardInput, isAbsent } from '../../vendors/blusky/inputRules';
import { locatorOf, toAddUserCardDto, toRemoveUserCardDto } from '../../vendors/blusky/mapping';
import { BLUSKY_SUCCESS_RESULT_CODE, createdUserCardId, readResult, refusal } from '../../vendors/blusky/results';
import type { AddUserCardOutcome, BluskyResult, RemoveUserCardOutcome } from '../../vendors/blusky/types';

export async function addUserCard(client: BluskyClient, input: AddUserCardInput): Promise<AddUserCardOutcome> {
  const problems = checkAddUserCardInput(input);
  if (!problems.ok) return { userCardId: null, added: null, resultCode: null, description: null, userErrors: problems.errors };
  const secrets = isAbsent(input.pin) ? [] : [input.pin!];
  const response = await client.addUserCard(toAddUserCardDto(input));
  const rejected = httpRefusal(response, secrets);
  if (rejected) return { userCardId: null, added: null, resultCode: null, description: null, userErrors: rejected };
  const result = readResult(response.body, secrets);
  const userCardId = createdUserCardId(response.body, result);
  if (userCardId === null) return { userCardId: null, added: null, ...result, userErrors: [refusal('add', result)] };
  return { userCardId, added: locatorOf(input), ...result, userErrors: [] };
}

export async function removeUserCard(client: BluskyClient, input: RemoveUserCardInput): Promise<RemoveUserCardOutcome> {
  const problems = checkRemoveUserCardInput(input);
  if (!problems.ok) return { removed: null, resultCode: null, description: null, userErrors: problems.errors };
  const response = await client.removeUserCard(toRemoveUserCardDto(input));
  const rejected = httpRefusal(response, []);
  if (rejected) return { removed: null, resultCode: null, description: null, userErrors: rejected };
  const result: BluskyResult = readResult(response.body);
  if (result.resultCode !== BLUSKY_SUCCESS_RESULT_CODE) return { removed: null, ...result, userErrors: [refusal('remove', result)] };
  return { removed: locatorOf(input), ...result, userErrors: [] };
}

/** User errors for a 400 naming fields; throws for other non-2xx answers; null for a 2xx. */
function httpRefusal(response: VendorResponse, secrets: readonly string[]): UserErrorValue[] | null {
  if (response.status >= 200 && response.status < 300) return null;
  const errors = modelStateErrors(response, secrets);
  if (errors) return errors;
  throw bluskyError(response, secrets);
}
