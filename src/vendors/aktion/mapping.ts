/**
 * Aktion wire identifiers → the gateway's AktionIdentifier, in one place. Numbers stay numbers
 * (the GraphQL enums map them, see enums.ts); an unknown number fails only its own field.
 */
import { normaliseInternalNumber } from './internalNumber';
import type { AktionIdentifier, AktionIdentifierWire } from './types';

/** True when the object has what an identifier needs (create/update echo a partial request on some answers). */
export function isCompleteIdentifier(wire: unknown): wire is AktionIdentifierWire {
  if (!wire || typeof wire !== 'object') return false;
  const w = wire as AktionIdentifierWire;
  return typeof w.InternalNrLong === 'string' && typeof w.Technology === 'number' && typeof w.Type === 'number';
}

export function toIdentifier(wire: AktionIdentifierWire): AktionIdentifier {
  return {
    internalNumber: normaliseInternalNumber(String(wire.InternalNrLong ?? '')),
    registrationNumber: wire.RegistrationNr ?? null,
    technology: (wire.Technology ?? null) as AktionIdentifier['technology'],
    type: (wire.Type ?? null) as AktionIdentifier['type'],
    status: (wire.Status ?? null) as AktionIdentifier['status'],
    locked: flag(wire.Lock),
    secure: flag(wire.Security),
    // Dates stay as Aktion sent them; Identifier.validFrom/validTo parse them (both forms), so one
    // unreadable date fails that field only.
    validFrom: wire.ValidFrom ?? null,
    validTo: wire.ValidTo ?? null,
  };
}

function flag(value: number | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  return value !== 0;
}
