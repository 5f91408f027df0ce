/**
 * Deterministic demo track data for completed reads.
 *
 * Shaped like ISO/IEC 7813 magnetic tracks (track 1 alphanumeric with the
 * holder's name, track 2 numeric), with the start/end sentinels stripped as
 * card readers usually deliver them. The account number starts with 9 (ISO 7812
 * "national assignment", not a payment card) and ends with a Luhn check digit.
 * Track 3 is unused on badges, hence null.
 */
import type { SeededRandom } from '../../../sandbox/random';
import type { TrackData } from './tracking';

const badgeHolders: readonly [surname: string, given: string][] = [
  ['OKAFOR', 'AMARA'],
  ['LINDQVIST', 'ERIK'],
  ['NAKAMURA', 'YUKI'],
  ['FERREIRA', 'BEATRIZ'],
  ['KOWALSKI', 'PIOTR'],
  ['MBEKI', 'THANDO'],
  ['OCONNELL', 'SIOBHAN'],
  ['RAMIREZ', 'DIEGO'],
];

export function demoTrackData(random: SeededRandom): TrackData {
  const [surname, given] = random.pick(badgeHolders);
  const body = `9840${String(random.int(0, 99_999_999_999)).padStart(11, '0')}`;
  const pan = `${body}${luhnCheckDigit(body)}`;
  const expiry = `${random.int(27, 31)}${String(random.int(1, 12)).padStart(2, '0')}`; // YYMM
  const serviceCode = '120';
  const discretionary = String(random.int(0, 99_999)).padStart(5, '0');
  return {
    Track1: `B${pan}^${surname}/${given}^${expiry}${serviceCode}${discretionary}`,
    Track2: `${pan}=${expiry}${serviceCode}${discretionary}`,
    Track3: null,
  };
}

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
