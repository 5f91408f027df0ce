/**
 * Makes sure the seeded tenant shows every documented enum value at least once (every card status,
 * every encryption, every suffix, ...), so filters and GraphQL enum mappings can be exercised
 * against demo data. Random draws make that likely; this makes it certain (given enough persons)
 * by re-labelling a record whose current value is shared with another one.
 */
import type { SeededRandom } from '../../../../sandbox/random';
import { CARD_TYPES, cardTypeTraits } from '../catalog';
import type { CardExchangeStore } from '../store';
import {
  ADDRESS_TYPES,
  CARD_STATUSES,
  CARDHOLDER_STATUSES,
  ENCRYPTIONS,
  GENDERS,
  IDENTIFICATION_TYPES,
  PERSON_STATUSES,
  PREFIXES,
  SUFFIXES,
  type PersonRecord,
} from '../types';
import { fill } from './people';

function cover<T, V>(
  rng: SeededRandom,
  items: readonly T[],
  values: readonly V[],
  get: (item: T) => V,
  set: (item: T, value: V) => void,
): void {
  for (const value of values) {
    if (items.some((item) => get(item) === value)) continue;
    const counts = new Map<V, number>();
    for (const item of items) counts.set(get(item), (counts.get(get(item)) ?? 0) + 1);
    const candidates = items.filter((item) => (counts.get(get(item)) ?? 0) > 1);
    if (candidates.length > 0) set(rng.pick(candidates), value);
  }
}

/** Runs before productions are made, so a card relabelled `in_production` gets one too. */
export function coverEnums(store: CardExchangeStore, rng: SeededRandom, fixedIds: ReadonlySet<string>): void {
  const persons = store.realPersons().filter((p) => !fixedIds.has(p.id));
  const person = <K extends keyof PersonRecord>(key: K, values: readonly PersonRecord[K][]) =>
    cover(rng, persons, values, (p) => p[key], (p, v) => {
      p[key] = v;
    });
  person('gender', GENDERS);
  person('prefix', PREFIXES);
  person('suffix', SUFFIXES);
  person('status', PERSON_STATUSES);
  person('addressPreference', ADDRESS_TYPES);
  cover(rng, persons, IDENTIFICATION_TYPES, (p) => p.identificationType, (p, v) => {
    p.identificationType = v;
    p.identificationTypeValue = v === 'none' ? null : fill(rng, '@@#######');
  });

  const addresses = [...store.addresses.values()].filter((a) => !fixedIds.has(a.id));
  cover(rng, addresses, ADDRESS_TYPES, (a) => a.type, (a, v) => {
    a.type = v;
  });

  const cardholders = [...store.cardholders.values()].filter((c) => !fixedIds.has(c.id));
  cover(rng, cardholders, CARDHOLDER_STATUSES, (c) => c.status, (c, v) => {
    c.status = v;
  });

  const cards = [...store.cards.values()].filter((c) => !fixedIds.has(c.id));
  cover(rng, cards, CARD_STATUSES, (c) => c.status, (c, v) => {
    c.status = v;
  });
  cover(rng, cards, ENCRYPTIONS, (c) => c.encryption, (c, v) => {
    const type = CARD_TYPES.find((t) => cardTypeTraits(t).encryption === v)!;
    c.type = type;
    c.encryption = v;
  });
}
