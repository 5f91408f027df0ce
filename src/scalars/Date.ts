/** Date: a calendar date, `YYYY-MM-DD`, checked to exist (no 2023-02-30). */
import { GraphQLError, Kind, type GraphQLScalarTypeConfig } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date as YYYY-MM-DD, e.g. 1987-06-21; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function serializeDate(value: unknown): string {
  // Vendors may send a date as a midnight date-time; the date part is what they mean.
  const text = typeof value === 'string' ? value.slice(0, 10) : value;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  throw new GraphQLError(`A vendor sent a date the gateway cannot read: ${JSON.stringify(value)}.`);
}

/** The scalar's behaviour; its description lives in schema/common.graphql. */
export const DateScalar: Omit<GraphQLScalarTypeConfig<unknown, unknown>, 'name'> = {
  serialize: serializeDate,
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string such as "1987-06-21".', { nodes: ast });
    return parseDate(ast.value);
  },
};
