import { BadInputError } from '../errors/gatewayError';

/**
 * The most items one connection page may hold. It equals the vendors' largest page, so one page
 * never costs more than two vendor requests; larger `first` values are rejected rather than
 * fanning out into many vendor calls.
 */
export const MAX_PAGE_SIZE = 100;

export function validateFirst(first: number | null | undefined, fallback = 15): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadInputError('first', `"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}. Page through longer lists with "after".`);
  }
  return value;
}
