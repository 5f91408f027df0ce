/**
 * Keeps PINs out of the simulator's request log: the harness logs what
 * `redactRequest` returns (a copy whose body has every `PIN` property
 * replaced), while handlers still receive the original. Faults injected by
 * the harness are covered too, because logging is where the copy is made.
 *
 * A body that is not JSON cannot be redacted field by field; if it mentions a
 * PIN at all it is withheld whole.
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';

export const REDACTED = '[redacted]';

export function redactRequest(request: SimRequest): SimRequest {
  const rawBody = redactPins(request.rawBody);
  // The copy shares `params`, which the harness fills in after logging.
  return rawBody === request.rawBody ? request : { ...request, rawBody };
}

export function redactPins(rawBody: string): string {
  if (!/pin/i.test(rawBody)) return rawBody;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return `[withheld: ${Buffer.byteLength(rawBody)}-byte body that is not JSON and may contain a PIN]`;
  }
  const state = { redacted: false };
  const redacted = redactValue(parsed, state);
  // Keep the body byte for byte when it held no PIN (e.g. "pin" was only inside a value).
  return state.redacted ? JSON.stringify(redacted) : rawBody;
}

/** Replaces every non-null `PIN` property (any case, any depth); null stays null so "no PIN sent" remains visible. */
function redactValue(value: unknown, state: { redacted: boolean }): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, state));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key.toLowerCase() !== 'pin' || inner === null) return [key, redactValue(inner, state)];
      state.redacted = true;
      return [key, REDACTED];
    }),
  );
}
