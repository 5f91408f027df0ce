/**
 * Keeps a request's loaders true after a write, so the mutation's own selection set and any later
 * field of the same request see CardExchange as it is now:
 *   - the written object (and every object it embeds) replaces what the loaders held;
 *   - a deleted object is primed as null (it no longer exists);
 *   - objects that embed or derive from the written one are dropped and fetched again if asked for.
 * What depends on what follows the document: a person embeds addresses and cardholders, a
 * cardholder embeds cards, an anonymous set embeds persons, and a production derives from its card
 * (a card entering or leaving IN_PRODUCTION creates or deletes one).
 */
import type DataLoader from 'dataloader';
import type { CardExchangeLoaders } from './loaders';
import type { CxResource } from './resources';
import type { CxAddressDto, CxAnonymousSetDto, CxCardDto, CxCardholderDto, CxPersonDto, CxProductionDto } from './types';

export function refreshAfterSave(loaders: CardExchangeLoaders, resource: CxResource, object: { id: string }): void {
  switch (resource) {
    case 'persons':
      putPerson(loaders, object as CxPersonDto);
      loaders.anonymousSet.clearAll();
      return;
    case 'addresses':
      put(loaders.address, object.id, object as CxAddressDto);
      loaders.person.clearAll();
      loaders.anonymousSet.clearAll();
      return;
    case 'cardholders':
      putCardholder(loaders, object as CxCardholderDto);
      loaders.person.clearAll();
      loaders.anonymousSet.clearAll();
      loaders.production.clearAll();
      return;
    case 'cards': {
      const card = object as CxCardDto;
      put(loaders.card, card.id, card);
      if (card.cardholder) loaders.cardholder.clear(card.cardholder);
      loaders.person.clearAll();
      loaders.anonymousSet.clearAll();
      loaders.production.clearAll();
      return;
    }
    case 'productions': {
      const production = object as CxProductionDto;
      put(loaders.production, production.id, production);
      // A new chip serial number is recorded on the card too.
      if (production.card) loaders.card.clear(production.card);
      loaders.cardholder.clearAll();
      loaders.person.clearAll();
      loaders.anonymousSet.clearAll();
      return;
    }
    case 'anonymousSets': {
      const set = object as CxAnonymousSetDto;
      put(loaders.anonymousSet, set.id, set);
      for (const person of set.data ?? []) putPerson(loaders, person);
      return;
    }
  }
}

export function refreshAfterDelete(loaders: CardExchangeLoaders, resource: CxResource, id: string): void {
  switch (resource) {
    case 'persons':
      // Its addresses and cardholders go with it; its cards stay without a cardholder.
      put(loaders.person, id, null);
      loaders.address.clearAll();
      loaders.cardholder.clearAll();
      loaders.card.clearAll();
      loaders.production.clearAll();
      loaders.anonymousSet.clearAll();
      return;
    case 'addresses':
      put(loaders.address, id, null);
      loaders.person.clearAll();
      loaders.anonymousSet.clearAll();
      return;
    case 'cardholders':
      // Its cards stay, with `cardholder: null`.
      put(loaders.cardholder, id, null);
      loaders.card.clearAll();
      loaders.person.clearAll();
      loaders.production.clearAll();
      loaders.anonymousSet.clearAll();
      return;
    case 'cards':
    case 'productions':
    case 'anonymousSets':
      throw new Error(`CardExchange does not delete ${resource}; nothing to refresh`);
  }
}

function putPerson(loaders: CardExchangeLoaders, person: CxPersonDto): void {
  put(loaders.person, person.id, person);
  for (const address of person.addresses ?? []) put(loaders.address, address.id, address);
  for (const cardholder of person.cardholders ?? []) putCardholder(loaders, cardholder);
}

function putCardholder(loaders: CardExchangeLoaders, cardholder: CxCardholderDto): void {
  put(loaders.cardholder, cardholder.id, cardholder);
  for (const card of cardholder.cards ?? []) put(loaders.card, card.id, card);
}

/** DataLoader's prime() keeps an existing entry; a write must replace it. */
function put<T>(loader: DataLoader<string, T | null>, id: string, value: T | null): void {
  loader.clear(id).prime(id, value);
}
