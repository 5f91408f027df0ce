/**
 * CardExchange's validation answers (400/422 problem details with an `errors` map keyed by request
 * field) → userErrors whose `field` points at the matching input field. The vendor's messages are
 * passed on verbatim: they say what it expected.
 *
 * Codes: a rejected reference (a GUID the gateway already checked for form) means the object it
 * names does not exist → NOT_FOUND; any other field → INVALID_VALUE; errors under '' or under a
 * key the input has no field for → REJECTED_BY_VENDOR without a field.
 */
import type { CxProblemDetails } from '../../vendors/cardexchange/types';
import { userError, type UserErrorValue } from '../userErrors';
import type { InputSpec } from './inputSpec';

export function userErrorsFromProblem(problem: CxProblemDetails, spec: InputSpec): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  for (const [key, raw] of Object.entries(problem.errors ?? {})) {
    const messages = (Array.isArray(raw) ? raw : [raw]).map(String).filter((m) => m.trim() !== '');
    if (messages.length === 0) messages.push(problem.detail ?? problem.title ?? 'CardExchange refused this value.');
    const name = normaliseKey(key);
    const field = name === 'id' ? undefined : spec.fields.find((f) => f.vendor.toLowerCase() === name);
    for (const message of messages) {
      if (name === 'id') errors.push(userError(['input', 'id'], 'NOT_FOUND', message));
      else if (field) errors.push(userError(['input', field.input], field.kind === 'guid' ? 'NOT_FOUND' : 'INVALID_VALUE', message));
      else errors.push(userError(null, 'REJECTED_BY_VENDOR', name ? `${key}: ${message}` : message));
    }
  }
  if (errors.length === 0) {
    const message = [problem.title, problem.detail].filter(Boolean).join(' ') || 'CardExchange refused the change without saying why.';
    errors.push(userError(null, 'REJECTED_BY_VENDOR', message));
  }
  return errors;
}

/** `firstName`, `FirstName` and `$.firstName` (ASP.NET's JSON paths) all name the same field. */
function normaliseKey(key: string): string {
  return key.replace(/^\$\.?/, '').trim().toLowerCase();
}
