import { BadInputError } from '../../errors/gatewayError';
import { internalNumberProblem, normaliseInternalNumber } from './internalNumber';

/** Throws BAD_USER_INPUT naming `argument` unless `value` is a valid internal number (nothing is sent then); returns it normalised. */
export function requireInternalNumber(value: string, argument: string): string {
  const problem = internalNumberProblem(value);
  if (problem) {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    throw new BadInputError(argument, `"${argument}" is not a valid internal number: ${problem.message} Got "${shown}".`);
  }
  return normaliseInternalNumber(value);
}
