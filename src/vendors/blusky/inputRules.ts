/**
 * Checks of addUserCard / removeUserCard input before anything is sent to BluSKY, following the
 * documented conditional rules. Every problem is collected at once. Messages never repeat the PIN.
 *
 * Beyond the document: card numbers are decimal digit strings (they outgrow 32-bit integers) up to
 * 2^53-1 so that JSON carries them exactly; the PIN must be 4 to 16 digits (BluSKY does not
 * publish its rule; keypad PINs are digits). Whether a card type needs CardSerialNumber or
 * IssueCode is BluSKY's to say (it knows its card types), so those two are checked for format only.
 */
import type { AddUserCardInput, RemoveUserCardInput } from '../../generated/graphql';
import { InputProblems } from '../../mutations/userErrors';
import { isGuid } from '../../validation/guid';

const DIGITS = /^\d{1,16}$/;
const PIN = /^\d{4,16}$/;
const MAX_TEXT = 100;

/** Fields required when no cardId names an existing card (documented). */
const NEW_CARD_FIELDS = ['cardType', 'cardAcSystemId', 'internalCardNumber', 'externalCardNumber', 'facilityCode'] as const;

export function checkAddUserCardInput(input: AddUserCardInput): InputProblems {
  const problems = new InputProblems();
  checkGuid(problems, 'userId', input.userId, true);
  checkGuid(problems, 'cardId', input.cardId, false);
  if (isAbsent(input.cardId)) {
    for (const field of NEW_CARD_FIELDS) {
      if (isAbsent(input[field])) problems.add(field, 'REQUIRED', `"${field}" is required when no "cardId" is given.`);
    }
  }
  checkGuid(problems, 'cardAcSystemId', input.cardAcSystemId, false);
  checkNumberString(problems, 'internalCardNumber', input.internalCardNumber);
  checkNumberString(problems, 'cardSerialNumber', input.cardSerialNumber);
  checkText(problems, 'externalCardNumber', input.externalCardNumber);
  for (const field of ['cardType', 'facilityCode', 'issueCode'] as const) {
    const value = input[field];
    if (typeof value === 'number' && value < 0) problems.add(field, 'INVALID_VALUE', `"${field}" must be 0 or more, got ${value}.`);
  }
  if (input.pin !== null && input.pin !== undefined && !PIN.test(input.pin)) {
    problems.add('pin', 'INVALID_FORMAT', '"pin" must be 4 to 16 digits.');
  }
  return problems;
}

export function checkRemoveUserCardInput(input: RemoveUserCardInput): InputProblems {
  const problems = new InputProblems();
  checkGuid(problems, 'userId', input.userId, true);
  checkGuid(problems, 'cardId', input.cardId, false);
  if (isAbsent(input.cardId) && isAbsent(input.externalCardNumber)) {
    problems.add('externalCardNumber', 'REQUIRED', '"externalCardNumber" is required when no "cardId" is given.');
  }
  checkText(problems, 'externalCardNumber', input.externalCardNumber);
  return problems;
}

/** Null, undefined and blank strings are all "not given". */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function checkGuid(problems: InputProblems, field: string, value: string | null | undefined, required: boolean): void {
  if (isAbsent(value)) {
    if (required) problems.add(field, 'REQUIRED', `"${field}" is required.`);
    return;
  }
  if (!isGuid(value!.trim())) problems.add(field, 'INVALID_FORMAT', `"${field}" must be a GUID such as 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b.`);
}

function checkNumberString(problems: InputProblems, field: string, value: string | null | undefined): void {
  if (isAbsent(value)) return;
  const text = value!.trim();
  if (!DIGITS.test(text)) {
    problems.add(field, 'INVALID_FORMAT', `"${field}" must be a whole number written in decimal digits, e.g. "40101".`);
  } else if (!Number.isSafeInteger(Number(text))) {
    problems.add(field, 'INVALID_VALUE', `"${field}" must be at most ${Number.MAX_SAFE_INTEGER}.`);
  }
}

function checkText(problems: InputProblems, field: string, value: string | null | undefined): void {
  if (!isAbsent(value) && value!.trim().length > MAX_TEXT) {
    problems.add(field, 'INVALID_VALUE', `"${field}" must be at most ${MAX_TEXT} characters.`);
  }
}
