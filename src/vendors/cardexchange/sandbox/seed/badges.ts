/**
 * Seeded cardholders and cards. Statuses follow the person's story: a blocked cardholder holds
 * blocked cards, older cards of a cardholder were returned or destroyed, and an active
 * cardholder's newest card may still be on its way through production.
 */
import type { SeededRandom } from '../../../../sandbox/random';
import {
  BUSINESS_UNITS,
  CARD_TYPES,
  cardTypeTraits,
  COST_ACCOUNTS,
  DEPARTMENTS,
  EXTERNAL_COMPANIES,
  layoutForProfile,
  LOCATIONS,
  PROFILES,
} from '../catalog';
import type { CardExchangeStore } from '../store';
import type { CardholderRecord, CardholderStatus, CardStatus, NamedRef, PersonRecord } from '../types';
import { fill, weighted } from './people';

const DAY = 86_400_000;

export const [EMPLOYEE, CONTRACTOR, VISITOR, STUDENT, TEMPORARY] = PROFILES as [NamedRef, NamedRef, NamedRef, NamedRef, NamedRef];

export function pickProfile(rng: SeededRandom): NamedRef {
  return weighted(rng, [
    [EMPLOYEE, 65],
    [CONTRACTOR, 15],
    [STUDENT, 8],
    [TEMPORARY, 7],
    [VISITOR, 5],
  ]);
}

/** Most persons have one cardholder, some none, some a second one under another profile. */
export function seedCardholders(store: CardExchangeStore, rng: SeededRandom, person: PersonRecord, profile: NamedRef): void {
  const count = weighted(rng, [
    [1, 83],
    [0, 7],
    [2, 10],
  ]);
  for (let i = 0; i < count; i += 1) {
    const cardholderProfile = i === 0 ? profile : rng.pick(PROFILES.filter((p) => p.id !== profile.id));
    const cardholder = seedCardholder(store, rng, person, cardholderProfile);
    seedCards(store, rng, cardholder);
  }
}

function seedCardholder(store: CardExchangeStore, rng: SeededRandom, person: PersonRecord, profile: NamedRef): CardholderRecord {
  const employee = profile.id === EMPLOYEE.id;
  const contractor = profile.id === CONTRACTOR.id;
  const created = Date.parse(person.created) + rng.int(0, 3) * DAY;
  const start = Math.floor(created / DAY) * DAY + rng.int(0, 30) * DAY;
  const troubled = ['blocked', 'expired', 'blacklisted'].includes(person.status) && rng.chance(0.7);
  const status: CardholderStatus = troubled
    ? (person.status as CardholderStatus)
    : weighted<CardholderStatus>(rng, [
        ['activated', 70],
        ['blocked', 6],
        ['expired', 8],
        ['blacklisted', 3],
        ['linked', 8],
        ['unlinked', 5],
      ]);
  const lengthDays = profile.id === VISITOR.id ? rng.int(1, 14) : employee ? rng.int(365, 1800) : rng.int(90, 730);
  const hasEnd = status === 'expired' || !employee || rng.chance(0.15);
  const externalCompany = contractor || (profile.id === TEMPORARY.id && rng.chance(0.5)) ? rng.pick(EXTERNAL_COMPANIES) : null;
  const loginId = rng.chance(0.85) ? `${ascii(person.firstName)}.${ascii(person.lastName)}` : null;
  const domain = externalCompany ? `${ascii(externalCompany.name)}.example` : 'keyway-demo.example';
  return store.addCardholder({
    id: rng.guid(),
    person: person.id,
    profile,
    profileNumber: store.nextProfileNumber(),
    loginId,
    email: loginId && profile.id !== VISITOR.id ? `${loginId}@${domain}` : null,
    businessUnit: employee || rng.chance(0.4) ? rng.pick(BUSINESS_UNITS) : null,
    externalCompany,
    department: employee ? rng.pick(DEPARTMENTS) : rng.chance(0.4) ? rng.pick(DEPARTMENTS) : null,
    costAccount: employee ? (rng.chance(0.8) ? rng.pick(COST_ACCOUNTS) : null) : rng.chance(0.3) ? rng.pick(COST_ACCOUNTS) : null,
    location: rng.chance(0.9) ? rng.pick(LOCATIONS) : null,
    startDate: new Date(start).toISOString(),
    endDate: hasEnd ? new Date(start + (lengthDays + 1) * DAY - 1000).toISOString() : null,
    status,
    nameOnCard: person.middleName ? `${person.firstName} ${person.middleName[0]}. ${person.lastName}` : `${person.firstName} ${person.lastName}`,
    note: rng.chance(0.1)
      ? rng.pick(['Night shift', 'Requires parking access', 'Badge reissued after loss', 'Server room access approved by IT', 'Escort required in labs'])
      : null,
    metadata: rng.chance(0.3) ? { hrSystemId: `HR-${fill(rng, '#####')}` } : {},
    created: new Date(created).toISOString(),
  });
}

function seedCards(store: CardExchangeStore, rng: SeededRandom, cardholder: CardholderRecord): void {
  const count = weighted(rng, [
    [1, 80],
    [0, 5],
    [2, 12],
    [3, 3],
  ]);
  const start = Date.parse(cardholder.startDate!);
  for (let i = 0; i < count; i += 1) {
    const newest = i === count - 1;
    const type = weighted(rng, [
      [CARD_TYPES[0]!, 20],
      [CARD_TYPES[1]!, 15],
      [CARD_TYPES[2]!, 40],
      [CARD_TYPES[3]!, 25],
    ]);
    const traits = cardTypeTraits(type);
    const cardStart = start + i * rng.int(60, 400) * DAY;
    store.addCard({
      id: rng.guid(),
      cardholder: cardholder.id,
      cardNumber: store.nextCardNumber(),
      chipserialNumber: store.newChipSerialNumber(traits.uidHexDigits),
      status: newest ? newestCardStatus(rng, cardholder.status) : rng.pick(['returned', 'destroyed', 'withdrawn', 'expired', 'blocked'] as const),
      type,
      encryption: traits.encryption,
      layout: layoutForProfile(cardholder.profile),
      startDate: new Date(cardStart).toISOString(),
      endDate: cardholder.endDate ?? new Date(cardStart + 5 * 365 * DAY).toISOString(),
      pickupNotice: false,
      metadata: rng.chance(0.15) ? { printBatch: `B${new Date(cardStart).toISOString().slice(0, 7)}` } : {},
      created: new Date(Math.max(Date.parse(cardholder.created), cardStart - DAY)).toISOString(),
    });
  }
}

function newestCardStatus(rng: SeededRandom, status: CardholderStatus): CardStatus {
  switch (status) {
    case 'activated':
      return weighted<CardStatus>(rng, [
        ['activated', 55],
        ['issued', 10],
        ['personalized', 8],
        ['in_production', 10],
        ['initialized', 9],
        ['bulk_blocked', 2],
        ['linked', 6],
      ]);
    case 'blocked':
      return rng.chance(0.8) ? 'blocked' : 'bulk_blocked';
    default:
      return status;
  }
}

/** A login-friendly form of a name: "Łukasz Wójcik" -> "lukasz", "wojcik". */
export function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
