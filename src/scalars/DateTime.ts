/**
 * DateTime: ISO 8601 with an offset on the way in; normalised to UTC `...Z` on the way out.
 * Vendors sometimes send a date-time without an offset; it is read as UTC (documented on the scalar).
 */
import { GraphQLError, Kind, type GraphQLScalarTypeConfig } from 'graphql';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function parseDateTimeInput(value: unknown): string {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 date-time with an offset, e.g. 2025-03-14T09:30:00Z; got ${JSON.stringify(value)}.`,
    );
  }
  return new Date(value).toISOString();
}

/**
 * Already what serializeDateTime returns: UTC with milliseconds and every field in range (days up
 * to 28, so no month overflow such as Feb 30, which Date.parse rolls into March). Vendors send
 * almost every date-time like this, and a list page carries hundreds of them: the fast path skips
 * parsing and re-formatting (bench scenario 2 profile, see bench/RESULTS.md).
 */
const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function serializeDateTime(value: unknown): string {
  if (typeof value === 'string' && CANONICAL_UTC.test(value)) return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') {
    const text = ISO_WITHOUT_OFFSET.test(value) ? `${value}Z` : DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  throw new GraphQLError(`A vendor sent a date-time the gateway cannot read: ${JSON.stringify(value)}.`);
}

/** The scalar's behaviour; its description lives in schema/common.graphql. */
export const DateTimeScalar: Omit<GraphQLScalarTypeConfig<unknown, unknown>, 'name'> = {
  serialize: serializeDateTime,
  parseValue: parseDateTimeInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string such as "2025-03-14T09:30:00Z".', { nodes: ast });
    return parseDateTimeInput(ast.value);
  },
};
