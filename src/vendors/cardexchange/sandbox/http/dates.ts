/** Strict parsing of the document's `date` (YYYY-MM-DD) and `date-time` (ISO 8601) values. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** True for a real calendar day in YYYY-MM-DD form (rejects 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses a date-time; a bare date means midnight UTC and a time without offset is taken as UTC.
 * Returns undefined for anything that is not a valid instant.
 */
export function parseInstant(value: string): Date | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match || !isCalendarDate(match[1]!)) return undefined;
  const [hours, minutes, seconds] = [match[2] ?? '00', match[3] ?? '00', match[4] ?? '00'];
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const fraction = (match[5] ?? '').slice(0, 4);
  let zone = (match[6] ?? 'Z').toUpperCase();
  if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${match[1]}T${hours}:${minutes}:${seconds}${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
