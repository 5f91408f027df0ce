/**
 * The reference objects cardholders and cards point at (profiles, business units, card types, ...).
 * The vendor manages these in its own back office and the API has no routes for them, so the
 * simulator ships a fixed catalog. Ids are constant (not seeded) so that documentation and tests
 * can name them; writes that reference an id outside the catalog are rejected as invalid.
 */
import type { Encryption, NamedRef } from './types';

/** Readable but well-formed GUIDs: `c<kind>000000-0000-4000-8000-<index>`. */
function entries(kind: number, names: readonly string[]): NamedRef[] {
  return names.map((name, i) => ({
    id: `c${kind}000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name,
  }));
}

export const PROFILES = entries(1, ['Employee', 'Contractor', 'Visitor', 'Student', 'Temporary staff']);
export const BUSINESS_UNITS = entries(2, [
  'Headquarters',
  'Operations',
  'Research & Development',
  'Sales & Marketing',
  'Facilities',
]);
export const EXTERNAL_COMPANIES = entries(3, [
  'Contoso Security',
  'Northwind Facility Services',
  'Fabrikam Consulting',
  'Tailspin Logistics',
]);
export const DEPARTMENTS = entries(4, [
  'Finance',
  'Human Resources',
  'IT',
  'Legal',
  'Logistics',
  'Marketing',
  'Procurement',
  'Security',
  'Customer Service',
  'Engineering',
]);
export const COST_ACCOUNTS = entries(5, ['4000 General', '4100 Personnel', '4200 IT', '4300 Facilities', '4400 Projects']);
export const LOCATIONS = entries(6, [
  'Amsterdam HQ',
  'Rotterdam Warehouse',
  'Antwerp Office',
  'Berlin Office',
  'London Office',
  'Madrid Office',
]);
export const CARD_TYPES = entries(7, ['MIFARE Classic 1K', 'MIFARE DESFire EV1', 'MIFARE DESFire EV2', 'MIFARE DESFire EV3']);
export const CARD_LAYOUTS = entries(8, ['Employee badge', 'Contractor badge', 'Visitor pass', 'Student card', 'Temporary badge']);

/** What a card type implies: the encryption it supports and the length of its chip UID. */
export function cardTypeTraits(type: NamedRef): { encryption: Encryption; uidHexDigits: 8 | 14 } {
  if (type.name.includes('Classic')) return { encryption: 'des', uidHexDigits: 8 };
  if (type.name.endsWith('EV1')) return { encryption: 'triple_des', uidHexDigits: 14 };
  return { encryption: 'aes', uidHexDigits: 14 };
}

/** The layout printed for a profile: profiles and layouts are listed in matching order. */
export function layoutForProfile(profile: NamedRef): NamedRef {
  const index = PROFILES.findIndex((p) => p.id === profile.id);
  return CARD_LAYOUTS[index] ?? CARD_LAYOUTS[0]!;
}

/** Card type used for cards created through the API (the document gives no way to choose one). */
export const DEFAULT_CARD_TYPE = CARD_TYPES[2]!;

export function findRef(list: readonly NamedRef[], id: string): NamedRef | undefined {
  return list.find((entry) => entry.id.toLowerCase() === id.toLowerCase());
}
