/**
 * Checks identifier mutation inputs against Aktion's documented rules before anything is sent,
 * collecting every problem at once, and builds the request body from a valid input:
 *   internal number  `[0-9a-fA-F]+`, at most 20 characters (as typed, before normalising)
 *   registration nr  at most 100 characters (required and non-empty on create)
 *   technology/type  GraphQL enums (Article, type 5, is not offered: the WebAPI refuses it)
 *   status           FREE or LOST only (ASSIGNED and CONFIGURATION are set by Aktion itself)
 *   validTo          not before validFrom (checked when both are given)
 * Update sends only the fields given; `null` is refused because Aktion cannot clear a field
 * (its update treats null as "keep"), and silently keeping a value the caller wanted gone is worse.
 */
import type { CreateIdentifierInput, RemoveIdentifierInput, UpdateIdentifierInput } from '../../generated/graphql';
import { InputProblems, type UserErrorValue } from '../userErrors';
import { formatAktionDate } from '../../vendors/aktion/dates';
import { SETTABLE_STATUSES, statusName } from '../../vendors/aktion/enums';
import { internalNumberProblem, normaliseInternalNumber } from '../../vendors/aktion/internalNumber';
import type { AktionIdentifierBody } from '../../vendors/aktion/types';

export const REGISTRATION_NUMBER_MAX_LENGTH = 100;

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: UserErrorValue[] };

export function checkCreateIdentifierInput(input: CreateIdentifierInput): Checked<AktionIdentifierBody> {
  const problems = new InputProblems();
  checkInternalNumber(problems, input.internalNumber);
  if (input.registrationNumber.trim() === '') {
    problems.add('registrationNumber', 'REQUIRED', 'Enter the registration number printed on the identifier.');
  } else {
    checkRegistrationNumber(problems, input.registrationNumber);
  }
  checkStatus(problems, input.status);
  checkValidity(problems, input.validFrom, input.validTo);
  if (!problems.ok) return { ok: false, errors: problems.errors };
  return {
    ok: true,
    body: {
      InternalNrLong: normaliseInternalNumber(input.internalNumber),
      RegistrationNr: input.registrationNumber,
      Technology: input.technology,
      Type: input.type,
      Status: input.status ?? 0,
      Lock: input.locked ? 1 : 0,
      Security: input.secure ? 1 : 0,
      ...(input.validFrom ? { ValidFrom: formatAktionDate(input.validFrom) } : {}),
      ...(input.validTo ? { ValidTo: formatAktionDate(input.validTo) } : {}),
    },
  };
}

export function checkUpdateIdentifierInput(input: UpdateIdentifierInput): Checked<AktionIdentifierBody> {
  const problems = new InputProblems();
  checkInternalNumber(problems, input.internalNumber);
  for (const field of ['registrationNumber', 'technology', 'type', 'status', 'locked', 'secure', 'validFrom', 'validTo'] as const) {
    if (input[field] === null) {
      problems.add(field, 'INVALID_VALUE', `Aktion cannot clear ${field}: omit the field to keep its current value.`);
    }
  }
  if (typeof input.registrationNumber === 'string') checkRegistrationNumber(problems, input.registrationNumber);
  if (input.status !== null) checkStatus(problems, input.status);
  checkValidity(problems, input.validFrom, input.validTo);
  if (!problems.ok) return { ok: false, errors: problems.errors };

  const body: AktionIdentifierBody = { InternalNrLong: normaliseInternalNumber(input.internalNumber) };
  if (typeof input.registrationNumber === 'string') body.RegistrationNr = input.registrationNumber;
  if (typeof input.technology === 'number') body.Technology = input.technology;
  if (typeof input.type === 'number') body.Type = input.type;
  if (typeof input.status === 'number') body.Status = input.status;
  if (typeof input.locked === 'boolean') body.Lock = input.locked ? 1 : 0;
  if (typeof input.secure === 'boolean') body.Security = input.secure ? 1 : 0;
  if (input.validFrom) body.ValidFrom = formatAktionDate(input.validFrom);
  if (input.validTo) body.ValidTo = formatAktionDate(input.validTo);
  return { ok: true, body };
}

export function checkRemoveIdentifierInput(input: RemoveIdentifierInput): Checked<{ InternalNrLong: string }> {
  const problems = new InputProblems();
  checkInternalNumber(problems, input.internalNumber);
  if (!problems.ok) return { ok: false, errors: problems.errors };
  return { ok: true, body: { InternalNrLong: normaliseInternalNumber(input.internalNumber) } };
}

function checkInternalNumber(problems: InputProblems, value: string): void {
  const problem = internalNumberProblem(value);
  if (problem) problems.add('internalNumber', problem.code, problem.message);
}

function checkRegistrationNumber(problems: InputProblems, value: string): void {
  if (value.length > REGISTRATION_NUMBER_MAX_LENGTH) {
    problems.add(
      'registrationNumber',
      'INVALID_VALUE',
      `The registration number may have at most ${REGISTRATION_NUMBER_MAX_LENGTH} characters; it has ${value.length}.`,
    );
  }
}

function checkStatus(problems: InputProblems, status: number | null | undefined): void {
  if (status === null || status === undefined || SETTABLE_STATUSES.has(status)) return;
  problems.add('status', 'INVALID_VALUE', `Only FREE or LOST can be set; ${statusName(status)} is set by Aktion itself.`);
}

function checkValidity(problems: InputProblems, from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && Date.parse(to) < Date.parse(from)) {
    problems.add('validTo', 'INVALID_VALUE', 'The end of validity (validTo) must not be before its start (validFrom).');
  }
}
