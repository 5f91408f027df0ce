/**
 * Response shapes with embedding: a person embeds its addresses and cardholders, a cardholder
 * embeds its cards, an anonymous set's `data` lists its person objects. Composed per response
 * from the flat records, so each answer reflects the current data.
 */
import type { CardExchangeStore } from './store';
import type { AnonymousSet, AnonymousSetRecord, Cardholder, CardholderRecord, Person, PersonRecord } from './types';

export function cardholderView(store: CardExchangeStore, cardholder: CardholderRecord): Cardholder {
  return { ...cardholder, cards: store.cardsOf(cardholder.id).map((card) => ({ ...card })) };
}

export function personView(store: CardExchangeStore, person: PersonRecord): Person {
  return {
    ...person,
    addresses: store.addressesOf(person.id).map((address) => ({ ...address })),
    cardholders: store.cardholdersOf(person.id).map((cardholder) => cardholderView(store, cardholder)),
  };
}

export function anonymousSetView(store: CardExchangeStore, set: AnonymousSetRecord): AnonymousSet {
  const members = set.personIds.flatMap((id) => {
    const person = store.persons.get(id);
    return person ? [personView(store, person)] : [];
  });
  return { id: set.id, profile: set.profile, defaultName: set.defaultName, data: members };
}
