/**
 * What the answer to create/update/remove means for the mutation: success (possibly "nothing
 * changed"), business refusals as userErrors, or a top-level error (thrown).
 *
 * "Remains unchanged" is a success: Aktion reports it as 202 with error number 0, or as 403 with
 * error number 0 (both documented for update). 1002 (validation) is turned into one userError per
 * ModelStateErr entry, on the input field the entry names; everything the gateway checks before
 * sending makes 1002 rare (a rule Aktion enforces that the documents do not state).
 */
import { userError, type UserErrorValue } from '../../mutations/userErrors';
import { aktionError } from './errors';
import { BUSINESS_ERRORS, VALIDATION_FAILED } from './errorNumbers';
import { isSuccess, type AktionAnswer, type AktionWriteOperation } from './client';
import { isCompleteIdentifier, toIdentifier } from './mapping';
import type { AktionIdentifier } from './types';

export type WriteOutcome =
  | {
      ok: true;
      /** True when Aktion said the identifier "remains unchanged". */
      unchanged: boolean;
      /** The identifier as Aktion echoed it; null when the answer did not carry a complete one. */
      identifier: AktionIdentifier | null;
    }
  | { ok: false; userErrors: UserErrorValue[] };

/** Aktion's field names → the GraphQL input's. */
const INPUT_FIELD_OF: Readonly<Record<string, string>> = {
  InternalNrLong: 'internalNumber',
  RegistrationNr: 'registrationNumber',
  Technology: 'technology',
  Type: 'type',
  Status: 'status',
  Lock: 'locked',
  Security: 'secure',
  ValidFrom: 'validFrom',
  ValidTo: 'validTo',
};

export function writeOutcome(operation: AktionWriteOperation, answer: AktionAnswer): WriteOutcome {
  const { status, result } = answer;
  const echoed = answer.body?.Request;
  const identifier = isCompleteIdentifier(echoed) ? toIdentifier(echoed) : null;
  if (isSuccess(answer)) return { ok: true, unchanged: operation === 'update' && status === 202, identifier };
  if (operation === 'update' && status === 403 && result.code === 0) return { ok: true, unchanged: true, identifier };

  if (result.code === VALIDATION_FAILED) return { ok: false, userErrors: validationErrors(result.modelStateErr) };
  const business = result.code === undefined ? undefined : BUSINESS_ERRORS[result.code];
  if (business) {
    return { ok: false, userErrors: [userError(business.field ? ['input', business.field] : null, business.code, business.message)] };
  }
  throw aktionError(operation, status, result);
}

function validationErrors(entries: string[]): UserErrorValue[] {
  if (entries.length === 0) return [userError(null, 'INVALID_VALUE', 'Aktion did not accept the input.')];
  return entries.map((entry) => {
    const field = fieldNamedIn(entry);
    return field
      ? userError(['input', field], 'INVALID_VALUE', `Aktion did not accept the value of ${field}.`)
      : userError(null, 'INVALID_VALUE', 'Aktion did not accept the input.');
  });
}

/** The input field a .NET model-state message names ("Path 'X'", "The field X ...", "The X field ..."). */
export function fieldNamedIn(message: string): string | undefined {
  const named = /Path '(\w+)'/.exec(message)?.[1] ?? /The field (\w+)\b/.exec(message)?.[1] ?? /The (\w+) field\b/.exec(message)?.[1];
  if (!named) return undefined;
  const key = Object.keys(INPUT_FIELD_OF).find((vendor) => vendor.toLowerCase() === named.toLowerCase());
  return key ? INPUT_FIELD_OF[key] : undefined;
}
