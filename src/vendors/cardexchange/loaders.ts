/**
 * Per-request DataLoaders for CardExchange objects by id.
 *
 * CardExchange has no "get many by id" route, so a batch is one GET per distinct id; what the
 * loaders save is duplicates (an id asked for twice in a request is fetched once) and, above all,
 * whole levels of a query: answers embed their children (a person embeds addresses and
 * cardholders, a cardholder embeds cards, an anonymous set embeds persons), and every embedded
 * object is primed into its loader so walking down costs no further call.
 */
import DataLoader from 'dataloader';
import type { CardExchangeClient } from './client';
import type { CxResource } from './resources';
import type { CxAddressDto, CxAnonymousSetDto, CxCardDto, CxCardholderDto, CxPersonDto, CxProductionDto } from './types';

export interface LoaderOptions {
  /** False only for the benchmark's "no DataLoader" scenario: every load is its own call. */
  batching: boolean;
}

export class CardExchangeLoaders {
  readonly person: DataLoader<string, CxPersonDto | null>;
  readonly address: DataLoader<string, CxAddressDto | null>;
  readonly cardholder: DataLoader<string, CxCardholderDto | null>;
  readonly card: DataLoader<string, CxCardDto | null>;
  readonly production: DataLoader<string, CxProductionDto | null>;
  readonly anonymousSet: DataLoader<string, CxAnonymousSetDto | null>;

  constructor(
    readonly client: CardExchangeClient,
    private readonly options: LoaderOptions = { batching: true },
  ) {
    this.person = this.loaderFor<CxPersonDto>('persons', (dto) => this.primePerson(dto));
    this.address = this.loaderFor<CxAddressDto>('addresses');
    this.cardholder = this.loaderFor<CxCardholderDto>('cardholders', (dto) => this.primeCardholder(dto));
    this.card = this.loaderFor<CxCardDto>('cards');
    this.production = this.loaderFor<CxProductionDto>('productions');
    this.anonymousSet = this.loaderFor<CxAnonymousSetDto>('anonymousSets', (dto) => this.primeAnonymousSet(dto));
  }

  /** Primes a person and everything it embeds. */
  primePerson(person: CxPersonDto): void {
    if (!this.options.batching) return;
    this.person.prime(person.id, person);
    for (const address of person.addresses ?? []) this.address.prime(address.id, address);
    for (const cardholder of person.cardholders ?? []) this.primeCardholder(cardholder);
  }

  /** Primes a cardholder and its embedded cards. */
  primeCardholder(cardholder: CxCardholderDto): void {
    if (!this.options.batching) return;
    this.cardholder.prime(cardholder.id, cardholder);
    for (const card of cardholder.cards ?? []) this.card.prime(card.id, card);
  }

  primeAnonymousSet(set: CxAnonymousSetDto): void {
    if (!this.options.batching) return;
    this.anonymousSet.prime(set.id, set);
    for (const person of set.data ?? []) this.primePerson(person);
  }

  /** Primes whatever a list answer returned, by resource. */
  primeListItem(resource: CxResource, item: { id: string }): void {
    if (!this.options.batching) return;
    switch (resource) {
      case 'persons':
        return this.primePerson(item as CxPersonDto);
      case 'cardholders':
        return this.primeCardholder(item as CxCardholderDto);
      case 'anonymousSets':
        return this.primeAnonymousSet(item as CxAnonymousSetDto);
      case 'addresses':
        this.address.prime(item.id, item as CxAddressDto);
        return;
      case 'cards':
        this.card.prime(item.id, item as CxCardDto);
        return;
      case 'productions':
        this.production.prime(item.id, item as CxProductionDto);
        return;
    }
  }

  private loaderFor<T extends { id: string }>(resource: CxResource, prime?: (dto: T) => void): DataLoader<string, T | null> {
    // Plain promise callbacks rather than an async function per id: a card page loads ~80 ids,
    // and each async frame would live (and be copied by the young collector) for the whole call.
    const received = (dto: T | null): T | null => {
      if (dto && prime) prime(dto);
      return dto;
    };
    return new DataLoader<string, T | null>(
      (ids) => Promise.all(ids.map((id) => this.client.retrieve<T>(resource, id).then(received, asError))),
      { cache: this.options.batching, batch: this.options.batching },
    );
  }
}

/** A failed load, as DataLoader wants it: the error in the key's place. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
