/**
 * DateTime output: the fast path for vendor values already in canonical UTC form must answer
 * exactly what parsing and re-formatting answers, for every instant and for the edge cases the
 * fast path leaves to the slow one (days 29-31, month overflow, offsets, no offset, date only).
 */
import fc from 'fast-check';
import { serializeDateTime } from '../../src/scalars/DateTime';

/** The serializer before the fast path: parse, then format as UTC. */
function reference(value: string): string {
  const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/.test(value)
    ? `${value}Z`
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `${value}T00:00:00Z`
      : value;
  return new Date(Date.parse(text)).toISOString();
}

const YEAR_0 = Date.parse('0000-01-01T00:00:00.000Z');
const YEAR_9999_END = Date.parse('9999-12-31T23:59:59.999Z');

describe('serializeDateTime', () => {
  it('answers a canonical UTC date-time unchanged, for any instant from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0, max: YEAR_9999_END }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(serializeDateTime(iso)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers what parsing answers for days 29-31, month overflow, offsets and missing offsets', () => {
    const cases = [
      '2024-02-29T10:00:00.000Z',
      '2023-02-29T10:00:00.000Z',
      '2023-02-30T00:00:00.000Z',
      '2023-04-31T23:59:59.999Z',
      '2025-01-31T12:00:00.000Z',
      '2025-03-14T09:30:00Z',
      '2025-03-14T09:30:00+02:00',
      '2025-03-14T09:30:00.1234567Z',
      '2025-03-14T09:30:00',
      '2025-03-14T09:30',
      '2025-03-14',
    ];
    for (const value of cases) expect({ value, out: serializeDateTime(value) }).toEqual({ value, out: reference(value) });
  });

  it('still refuses a value that is not a date-time', () => {
    expect(() => serializeDateTime('2025-13-01T00:00:00.000Z')).toThrow('cannot read');
    expect(() => serializeDateTime('yesterday')).toThrow('cannot read');
  });
});
