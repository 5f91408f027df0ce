import { BadInputError } from '../errors/gatewayError';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Throws a BAD_USER_INPUT error naming `argument` unless `value` is a GUID; nothing is sent then. */
export function requireGuid(value: string, argument: string): string {
  if (!isGuid(value)) {
    throw new BadInputError(
      argument,
      `"${argument}" must be a GUID such as 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b, got "${truncate(value)}".`,
    );
  }
  return value;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
