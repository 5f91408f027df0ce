/**
 * Demo data: about 150 identifiers, the same for the same seed.
 *
 * Numbers look like what each technology really carries (EM4102 "UNIQUE"
 * 10 hex digits, MIFARE 4- or 7-byte UIDs, DESFire 7-byte UIDs, ABA track
 * numbers in decimal digits, keypad entry codes as short digit strings), and
 * registration numbers like the printed numbers on cards and fobs. Every
 * technology, type and status (including 1 assigned and 4 configuration,
 * which only other parts of Aktion can set) appears, and validity ranges
 * cover open, current, expired and future ones. Dates are fixed around 2024,
 * not "now", so the data never changes between runs.
 */
import { SeededRandom } from '../../../sandbox/random';
import { isReserved } from './errors';
import {
  normaliseInternalNr,
  type IdentifierStatus,
  type IdentifierType,
  type StoredIdentifier,
  type Technology,
} from './identifiers';

export const DEFAULT_SEED = 20241203;
export const SEED_COUNT = 150;

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);

/**
 * Builds the demo identifiers. Each linked chip serial becomes an assigned
 * MIFARE/DESFire card whose InternalNrLong is the serial as the API would
 * normalise it; a serial that is not a valid InternalNrLong (hex, at most 20
 * characters) is a configuration mistake and throws.
 */
export function generateSeed(seed: number = DEFAULT_SEED, linkedChipSerials: readonly string[] = []): StoredIdentifier[] {
  const random = new SeededRandom(seed);
  const records = new Map<string, StoredIdentifier>();

  linkedChipSerials.forEach((serial, index) => {
    if (!/^[0-9a-fA-F]{1,20}$/.test(serial.trim())) {
      throw new Error(
        `Aktion simulator: linked chip serial "${serial}" is not a valid InternalNrLong (hex digits only, at most 20)`,
      );
    }
    const nr = normaliseInternalNr(serial);
    if (records.has(nr)) return;
    records.set(nr, {
      InternalNrLong: nr,
      RegistrationNr: String(2_000_000 + index),
      Technology: nr.length > 8 ? 5 : 2,
      Type: 0,
      Status: 1,
      Lock: 0,
      Security: 1,
      ValidFrom: BASE,
      ValidTo: BASE + 3 * 365 * DAY,
    });
  });

  const target = records.size + SEED_COUNT;
  for (let i = 0; records.size < target && i < SEED_COUNT * 4; i++) {
    const record = randomIdentifier(random, i);
    if (records.has(record.InternalNrLong) || isReserved(record.InternalNrLong)) continue;
    records.set(record.InternalNrLong, record);
  }
  return [...records.values()];
}

const STATUS_CYCLE: readonly IdentifierStatus[] = [0, 1, 2, 4];

function randomIdentifier(random: SeededRandom, i: number): StoredIdentifier {
  // The first few records walk through every value so coverage never depends on luck.
  const type: IdentifierType = i < 5 ? (i as IdentifierType) : random.pick<IdentifierType>([0, 0, 0, 0, 1, 1, 2, 3, 4]);
  const technology: Technology =
    type === 4 ? 0 : i < 6 ? (i as Technology) : random.pick<Technology>([0, 0, 1, 2, 2, 2, 3, 4, 5, 5]);
  const status: IdentifierStatus = i < 4 ? STATUS_CYCLE[i]! : random.pick<IdentifierStatus>([0, 0, 0, 1, 1, 1, 1, 2, 4]);
  const { validFrom, validTo } = validity(random);
  return {
    InternalNrLong: normaliseInternalNr(type === 4 ? entryCode(random) : chipNumber(random, technology)),
    RegistrationNr: registrationNr(random, type, i),
    Technology: technology,
    Type: type,
    Status: status,
    Lock: random.chance(0.12) || status === 2 ? 1 : 0, // lost identifiers are usually locked
    Security: technology === 1 || technology === 5 || random.chance(0.2) ? 1 : 0,
    ValidFrom: validFrom,
    ValidTo: validTo,
  };
}

function chipNumber(random: SeededRandom, technology: Technology): string {
  switch (technology) {
    case 0: // UNIQUE / EM4102: 40-bit number
      return random.hex(10);
    case 1: // High Security
      return random.hex(12);
    case 2: // MIFARE Classic: 4-byte UID, MIFARE Plus/Ultralight: 7-byte UID starting with the NXP 04
      return random.chance(0.6) ? random.hex(8) : `04${random.hex(12)}`;
    case 3: // ABA track: decimal digits
      return digits(random, random.int(8, 16));
    case 4: // HID Prox
      return `2${random.hex(9)}`;
    case 5: // DESFire: 7-byte UID
      return `04${random.hex(12)}`;
  }
}

function entryCode(random: SeededRandom): string {
  return `${random.int(1, 9)}${digits(random, random.int(3, 7))}`;
}

function registrationNr(random: SeededRandom, type: IdentifierType, i: number): string {
  switch (type) {
    case 0:
      return random.chance(0.7) ? String(1_000_000 + i * 37 + random.int(0, 36)) : `K-${String(random.int(1, 99999)).padStart(5, '0')}`;
    case 1:
      return `TAG-${String(random.int(1, 9999)).padStart(4, '0')}`;
    case 2:
      return `BR-${String(random.int(1, 999)).padStart(3, '0')}`;
    case 3:
      return `VIS-${String(i).padStart(3, '0')}`;
    case 4:
      return `PIN-${String(random.int(1, 999)).padStart(3, '0')}`;
  }
}

function validity(random: SeededRandom): { validFrom: number | null; validTo: number | null } {
  const roll = random.next();
  if (roll < 0.3) return { validFrom: null, validTo: null }; // open-ended
  const from = BASE + random.int(-730, 365) * DAY + random.int(0, 23) * 3_600_000;
  if (roll < 0.45) return { validFrom: from, validTo: null };
  if (roll < 0.55) return { validFrom: from, validTo: from + random.int(1, 180) * DAY }; // often already over
  return { validFrom: from, validTo: from + random.int(365, 5 * 365) * DAY };
}

function digits(random: SeededRandom, length: number): string {
  return Array.from({ length }, () => String(random.int(0, 9))).join('');
}
