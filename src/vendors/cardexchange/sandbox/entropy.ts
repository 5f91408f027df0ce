/**
 * Where the store gets new ids, chip serial numbers and timestamps. Seeding swaps in a seeded
 * source so the demo data is identical on every start; requests use real randomness and time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SeededRandom } from '../../../sandbox/random';

export interface Entropy {
  guid(): string;
  /** `length` upper-case hex digits. */
  hex(length: number): string;
  /** Current time as ISO 8601. */
  now(): string;
}

export const liveEntropy: Entropy = {
  guid: () => randomUUID(),
  hex: (length) =>
    randomBytes(Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length)
      .toUpperCase(),
  now: () => new Date().toISOString(),
};

/** Seeded ids plus a clock the seed moves forward explicitly (`clock.at`). */
export function seededEntropy(rng: SeededRandom, clock: { at: Date }): Entropy {
  return {
    guid: () => rng.guid(),
    hex: (length) => rng.hex(length),
    now: () => clock.at.toISOString(),
  };
}
