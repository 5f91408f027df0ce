/**
 * The identifier store: what the simulated Aktion database holds.
 *
 * Records are keyed by their normalised InternalNrLong (the documents say
 * leading zeros are removed; we also upper-case, so `0105af00bc` and
 * `105AF00BC` are the same identifier). Insertion order is kept and is the
 * order of `getAll`, like rows read by primary key.
 */
import { formatAktionDate } from './dates';

/** Technology: 0 UNIQUE (H4102), 1 High Security, 2 MIFARE, 3 ABA Track, 4 HID, 5 DESFire. */
export type Technology = 0 | 1 | 2 | 3 | 4 | 5;
/** Type: 0 Card, 1 Tag, 2 Bracelet, 3 Visiting card, 4 EntryCode (5 Article is not supported by the WebAPI). */
export type IdentifierType = 0 | 1 | 2 | 3 | 4;
/**
 * Status: 0 free, 1 assigned, 2 lost, 4 configuration. The API can only set
 * 0 and 2; 1 and 4 are set by other parts of Aktion and appear in seed data.
 */
export type IdentifierStatus = 0 | 1 | 2 | 4;

export interface StoredIdentifier {
  InternalNrLong: string;
  RegistrationNr: string;
  Technology: Technology;
  Type: IdentifierType;
  Status: IdentifierStatus;
  Lock: 0 | 1;
  Security: 0 | 1;
  /** ms since the epoch, or null when not limited. */
  ValidFrom: number | null;
  ValidTo: number | null;
}

/** The fields an update may change; absent ones stay as they are. */
export type IdentifierPatch = Partial<Omit<StoredIdentifier, 'InternalNrLong'>>;

/** An identifier as it appears in a JSON answer (dates in `/Date(ms)/` form). */
export interface IdentifierWire {
  InternalNrLong: string;
  RegistrationNr: string;
  Technology: number;
  Type: number;
  Status: number;
  Lock: number;
  Security: number;
  ValidFrom: string | null;
  ValidTo: string | null;
}

/**
 * Removes leading zeros (documented) and upper-cases (hex is case-blind; the
 * samples show upper case). An all-zero number keeps a single `0` so that it
 * is still a valid key.
 */
export function normaliseInternalNr(raw: string): string {
  const stripped = raw.trim().toUpperCase().replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

export function toWire(record: StoredIdentifier): IdentifierWire {
  return {
    InternalNrLong: record.InternalNrLong,
    RegistrationNr: record.RegistrationNr,
    Technology: record.Technology,
    Type: record.Type,
    Status: record.Status,
    Lock: record.Lock,
    Security: record.Security,
    ValidFrom: record.ValidFrom === null ? null : formatAktionDate(record.ValidFrom),
    ValidTo: record.ValidTo === null ? null : formatAktionDate(record.ValidTo),
  };
}

export type UpdateOutcome =
  | { status: 'notFound' }
  | { status: 'unchanged'; record: StoredIdentifier }
  | { status: 'updated'; record: StoredIdentifier };

export class IdentifierStore {
  private readonly records = new Map<string, StoredIdentifier>();

  constructor(initial: Iterable<StoredIdentifier> = []) {
    for (const record of initial) this.records.set(normaliseInternalNr(record.InternalNrLong), { ...record });
  }

  get size(): number {
    return this.records.size;
  }

  /** A copy of the record, looked up by any spelling of its number. */
  get(internalNr: string): StoredIdentifier | undefined {
    const record = this.records.get(normaliseInternalNr(internalNr));
    return record && { ...record };
  }

  has(internalNr: string): boolean {
    return this.records.has(normaliseInternalNr(internalNr));
  }

  /** Every record (copies), in insertion order. */
  list(): StoredIdentifier[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }

  /** Adds a record; returns false (and changes nothing) when the number exists. */
  create(record: StoredIdentifier): boolean {
    const key = normaliseInternalNr(record.InternalNrLong);
    if (this.records.has(key)) return false;
    this.records.set(key, { ...record, InternalNrLong: key });
    return true;
  }

  /** Applies the present fields of `patch`; reports whether anything changed. */
  update(internalNr: string, patch: IdentifierPatch): UpdateOutcome {
    const key = normaliseInternalNr(internalNr);
    const current = this.records.get(key);
    if (!current) return { status: 'notFound' };
    const next: StoredIdentifier = { ...current };
    for (const [field, value] of Object.entries(patch) as [keyof IdentifierPatch, unknown][]) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
    }
    if (sameIdentifier(current, next)) return { status: 'unchanged', record: { ...current } };
    this.records.set(key, next);
    return { status: 'updated', record: { ...next } };
  }

  /** Removes a record; returns false when there was none. */
  remove(internalNr: string): boolean {
    return this.records.delete(normaliseInternalNr(internalNr));
  }
}

function sameIdentifier(a: StoredIdentifier, b: StoredIdentifier): boolean {
  return (
    a.RegistrationNr === b.RegistrationNr &&
    a.Technology === b.Technology &&
    a.Type === b.Type &&
    a.Status === b.Status &&
    a.Lock === b.Lock &&
    a.Security === b.Security &&
    a.ValidFrom === b.ValidFrom &&
    a.ValidTo === b.ValidTo
  );
}
