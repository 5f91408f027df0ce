/**
 * Aktion dates. Its application/json answers carry Json.NET "Microsoft" dates, `"\/Date(ms)\/"`
 * (after JSON parsing: `/Date(ms)/`, optionally with a `+hhmm` suffix that does not change the
 * instant); its samples also show ISO 8601. Both are read. The gateway always sends ISO 8601 in
 * UTC (`2025-03-14T09:30:00.000Z`): Json.NET binds it on every Aktion version, it is unambiguous,
 * and it is what the documents' "yyyy-MM-ddTHH:mi:ss" format asks for.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';

const MS_DATE = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;

/**
 * An Aktion date as an ISO 8601 UTC string; null for null/absent. A date without a zone is read
 * as UTC. Anything else is a VENDOR_BAD_RESPONSE naming the value (that field fails, not the answer).
 */
export function parseAktionDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const ms = MS_DATE.exec(value.trim());
    if (ms) return new Date(Number(ms[1])).toISOString();
    const text = value.trim();
    if (ISO_WITH_ZONE.test(text) || ISO_WITHOUT_ZONE.test(text)) {
      const zoned = ISO_WITH_ZONE.test(text) ? text : text.includes('T') ? `${text}Z` : `${text}T00:00:00Z`;
      // JavaScript reads at most 3 fraction digits; .NET sends up to 7.
      const time = Date.parse(zoned.replace(/(\.\d{3})\d+/, '$1'));
      if (!Number.isNaN(time)) return new Date(time).toISOString();
    }
  }
  throw new VendorError('aktion', ErrorCode.VENDOR_BAD_RESPONSE, `Aktion sent a date the gateway cannot read: ${JSON.stringify(value)}.`);
}

/** The instant of an Aktion date in ms since the epoch (used for token expiry). */
export function aktionDateMs(value: unknown): number | undefined {
  try {
    const iso = parseAktionDate(value);
    return iso === null ? undefined : Date.parse(iso);
  } catch {
    return undefined;
  }
}

/** How the gateway sends a DateTime (already an ISO string from the GraphQL scalar) to Aktion. */
export function formatAktionDate(isoDateTime: string): string {
  return new Date(isoDateTime).toISOString();
}
