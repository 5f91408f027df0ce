/**
 * Date handling for the simulated Aktion WebAPI.
 *
 * Aktion is an ASP.NET Web API service. Its application/json samples carry
 * dates in Json.NET's "Microsoft" format, `"\/Date(1733227751335)\/"` (ms since
 * the Unix epoch, UTC), while its text/json samples show ISO 8601 with an offset
 * and seven fraction digits (`2024-12-03T18:23:08.0045457+01:00`). The gateway
 * may send either, so we accept both; we always answer with `\/Date(ms)\/`, as
 * the application/json response samples do.
 */

/**
 * After JSON parsing `"\/Date(1)\/"` is the string `/Date(1)/`. The optional
 * `+hhmm` suffix is how Json.NET marks a local/offset time; the number is still
 * UTC ms, so the suffix changes nothing about the instant.
 */
const MS_DATE = /^\/Date\((-?\d{1,15})(?:([+-])(\d{2})(\d{2}))?\)\/$/;

/**
 * ISO 8601 as .NET's binder takes it: date only, or date and time with optional
 * seconds, up to 7 fraction digits (.NET ticks) and an optional zone.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an Aktion date string into ms since the epoch, or `undefined` when it
 * is not a date the vendor would bind.
 *
 * An ISO value without a zone is taken as UTC. (The real server would read it
 * in its own local time zone; UTC keeps the simulator deterministic on every
 * machine.) Precision below a millisecond is truncated.
 */
export function parseAktionDate(value: string): number | undefined {
  const ms = MS_DATE.exec(value);
  if (ms) {
    const [, millis, sign, hh, mm] = ms;
    if (sign && (Number(hh) > 14 || Number(mm) > 59)) return undefined;
    const n = Number(millis);
    return isRepresentable(n) ? n : undefined;
  }

  const iso = ISO_DATE.exec(value.trim());
  if (!iso) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;

  // Date.UTC maps years 0-99 onto 1900-1999, so build the date field by field.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // e.g. 2024-02-30
  date.setUTCHours(hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));

  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const zh = Number(digits.slice(1, 3));
    const zm = Number(digits.slice(3, 5));
    if (zh > 14 || zm > 59) return undefined;
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const result = date.getTime() - offsetMinutes * 60_000;
  return isRepresentable(result) ? result : undefined;
}

/** The wire form of a date in a JSON answer (before the `\/` escaping of {@link escapeMsDates}). */
export function formatAktionDate(ms: number): string {
  return `/Date(${ms})/`;
}

/**
 * Json.NET writes Microsoft dates with escaped slashes, `"\/Date(ms)\/"`, and
 * so do the vendor samples. JSON.stringify does not escape `/`, so we patch the
 * date strings (and only those) after serialising. A JSON parser reads both
 * spellings as the same string; a client that inspects raw text sees the real one.
 */
export function escapeMsDates(json: string): string {
  return json.replace(/"\/Date\((-?\d+)([+-]\d{4})?\)\/"/g, '"\\/Date($1$2)\\/"');
}

/** .NET DateTime covers years 1-9999. */
const MIN_MS = -62135596800000; // 0001-01-01T00:00:00Z
const MAX_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

function isRepresentable(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS;
}
