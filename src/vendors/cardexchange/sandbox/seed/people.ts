/** Seeded demo persons and their addresses, drawn from the country material in cultures.ts. */
import type { SeededRandom } from '../../../../sandbox/random';
import type { CardExchangeStore } from '../store';
import type {
  AddressType,
  Gender,
  IdentificationType,
  NamedRef,
  PersonRecord,
  PersonStatus,
  Prefix,
  Suffix,
} from '../types';
import { CULTURES, type Culture } from './cultures';
import { portraitPng } from './photo';

/** Picks a value with probability proportional to its weight. */
export function weighted<T>(rng: SeededRandom, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** Fills a template: `#` becomes a digit, `@` an upper-case letter. */
export function fill(rng: SeededRandom, template: string): string {
  return template.replace(/[#@]/g, (c) => (c === '#' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25))));
}

const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);

/** What the cardholder seeding needs to know about the person just made. */
export interface SeededPerson {
  person: PersonRecord;
  culture: Culture;
}

export function seedPerson(store: CardExchangeStore, rng: SeededRandom, profile: NamedRef, created: Date): SeededPerson {
  const culture = weighted(rng, CULTURE_WEIGHTS);
  const gender = weighted<Gender>(rng, [
    ['female', 46],
    ['male', 46],
    ['not_specified', 3],
    ['other', 2],
    ['decline', 3],
  ]);
  const names = gender === 'female' ? culture.female : gender === 'male' ? culture.male : rng.pick([culture.female, culture.male]);
  const surname = rng.pick(culture.surnames);
  const identificationType = weighted<IdentificationType>(rng, [
    ['none', 40],
    ['passport', 20],
    ['driver_license', 20],
    ['eu', 12],
    ['foreigner', 8],
  ]);
  const addressPreference = weighted<AddressType>(rng, [
    ['home', 70],
    ['business', 24],
    ['po_box', 6],
  ]);
  const person = store.addPerson({
    id: rng.guid(),
    personNumber: store.nextPersonNumber(),
    profile: profile.id,
    addressPreference,
    identificationType,
    identificationTypeValue: identificationValue(rng, identificationType),
    firstName: rng.pick(names),
    middleName: culture.middleNames && rng.chance(0.5) ? rng.pick(culture.middleNames) : null,
    lastName: culture.doubleSurname && rng.chance(0.7) ? `${surname} ${rng.pick(culture.surnames)}` : surname,
    birthDate: `${rng.int(1955, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
    gender,
    prefix: prefixFor(rng, gender),
    suffix: weighted<Suffix>(rng, [
      ['none', 85],
      ['jr', 4],
      ['sr', 2],
      ['ii', 2],
      ['iii', 1.5],
      ['iv', 1],
      ['md', 2],
      ['phd', 2.5],
    ]),
    phoneNumber: rng.chance(0.85) ? fill(rng, culture.phone) : null,
    mobileNumber: rng.chance(0.9) ? fill(rng, culture.mobile) : null,
    status: weighted<PersonStatus>(rng, [
      ['activated', 70],
      ['none', 8],
      ['blocked', 5],
      ['expired', 6],
      ['blacklisted', 2],
      ['linked', 5],
      ['unlinked', 4],
    ]),
    metadata: rng.chance(0.4) ? { employeeId: `E${fill(rng, '######')}` } : rng.chance(0.1) ? { source: 'hr-sync' } : {},
    photo: rng.chance(0.3) ? portraitPng(rng.int(0, 99)) : null,
    created: created.toISOString(),
  });
  seedAddresses(store, rng, culture, person);
  return { person, culture };
}

/** The preferred address type always exists; the other types are added by chance. */
function seedAddresses(store: CardExchangeStore, rng: SeededRandom, culture: Culture, person: PersonRecord): void {
  const types = new Set<AddressType>([person.addressPreference]);
  if (rng.chance(0.8)) types.add('home');
  if (rng.chance(0.25)) types.add('business');
  if (rng.chance(0.06)) types.add('po_box');
  for (const type of (['home', 'business', 'po_box'] as const).filter((t) => types.has(t))) {
    const city = rng.pick(culture.cities);
    const streetAddress =
      type === 'po_box'
        ? fill(rng, culture.poBox)
        : fill(rng, culture.streetFormat.replace('{street}', rng.pick(culture.streets)).replace('{n}', String(rng.int(1, 199))));
    store.addAddress({
      id: rng.guid(),
      person: person.id,
      type,
      streetAddress,
      locality: city.locality,
      region: city.region,
      postalCode: fill(rng, city.postalCode),
      country: culture.country,
      metadata: type === 'business' && rng.chance(0.3) ? { floor: String(rng.int(0, 12)) } : {},
      created: person.created,
    });
  }
}

function prefixFor(rng: SeededRandom, gender: Gender): Prefix {
  if (rng.chance(0.07)) return 'dr';
  if (rng.chance(0.2)) return 'none';
  if (gender === 'female') return rng.chance(0.7) ? 'ms' : 'mrs';
  if (gender === 'male') return 'mr';
  return 'none';
}

function identificationValue(rng: SeededRandom, type: IdentificationType): string | null {
  switch (type) {
    case 'none':
      return null;
    case 'passport':
      return fill(rng, '@@#######');
    case 'driver_license':
      return fill(rng, 'D########');
    case 'eu':
      return fill(rng, 'ID@@######');
    case 'foreigner':
      return fill(rng, 'V########');
  }
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
