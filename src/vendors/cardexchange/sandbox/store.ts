/**
 * The simulator's in-memory CardExchange tenant. Maps hold flat, vendor-shaped records (tests may
 * read them directly); relations are answered from an index rebuilt lazily after any change.
 * Every write that has a side effect the document describes (a production appearing when a card
 * enters `in_production`, a person's addresses going with it) lives here, not in the routes.
 */
import { cardTypeTraits, DEFAULT_CARD_TYPE, layoutForProfile } from './catalog';
import { liveEntropy, type Entropy } from './entropy';
import type {
  Address,
  AnonymousSetRecord,
  Card,
  CardholderRecord,
  CardStatus,
  Metadata,
  PersonRecord,
  Production,
} from './types';

interface Relations {
  addressesByPerson: Map<string, Address[]>;
  cardholdersByPerson: Map<string, CardholderRecord[]>;
  cardsByCardholder: Map<string, Card[]>;
  productionByCard: Map<string, Production>;
}

export class CardExchangeStore {
  readonly persons = new Map<string, PersonRecord>();
  readonly addresses = new Map<string, Address>();
  readonly cardholders = new Map<string, CardholderRecord>();
  readonly cards = new Map<string, Card>();
  readonly productions = new Map<string, Production>();
  readonly anonymousSets = new Map<string, AnonymousSetRecord>();
  /** Persons created by anonymous sets: retrievable by id, but not listed among real persons. */
  readonly anonymousPersonIds = new Set<string>();
  /** Chip serial numbers of the cards the seed created (see `demoChipSerialNumbers`). */
  seedChipSerialNumbers: readonly string[] = [];
  entropy: Entropy = liveEntropy;

  private readonly chipSerials = new Set<string>();
  private readonly sequence = { person: 0, cardholder: 0, card: 0 };
  private relations: Relations | undefined;

  // --- numbering ----------------------------------------------------------------------------

  nextPersonNumber(): string {
    return `P${String(++this.sequence.person).padStart(6, '0')}`;
  }

  nextProfileNumber(): string {
    return `CH${String(++this.sequence.cardholder).padStart(6, '0')}`;
  }

  nextCardNumber(): string {
    return String(10_000_000 + ++this.sequence.card);
  }

  /**
   * A chip UID no other card has. 7-byte UIDs of NXP chips start with the manufacturer byte 04,
   * which is why most 14-digit serials here carry a leading zero.
   */
  newChipSerialNumber(hexDigits: 8 | 14): string {
    for (;;) {
      const serial = hexDigits === 14 && this.entropy.hex(1) !== 'F' ? `04${this.entropy.hex(12)}` : this.entropy.hex(hexDigits);
      if (!this.chipSerials.has(serial)) return serial;
    }
  }

  isChipSerialNumberUsed(serial: string): boolean {
    return this.chipSerials.has(serial.toUpperCase());
  }

  // --- relations ----------------------------------------------------------------------------

  addressesOf(personId: string): Address[] {
    return this.index().addressesByPerson.get(personId) ?? [];
  }

  cardholdersOf(personId: string): CardholderRecord[] {
    return this.index().cardholdersByPerson.get(personId) ?? [];
  }

  cardsOf(cardholderId: string): Card[] {
    return this.index().cardsByCardholder.get(cardholderId) ?? [];
  }

  productionOf(cardId: string): Production | undefined {
    return this.index().productionByCard.get(cardId);
  }

  /** Persons as the persons list shows them: without the anonymous ones. */
  realPersons(): PersonRecord[] {
    return [...this.persons.values()].filter((p) => !this.anonymousPersonIds.has(p.id));
  }

  // --- writes -------------------------------------------------------------------------------

  addPerson(person: PersonRecord): PersonRecord {
    this.persons.set(person.id, person);
    return this.changed(person);
  }

  addAddress(address: Address): Address {
    this.addresses.set(address.id, address);
    return this.changed(address);
  }

  addCardholder(cardholder: CardholderRecord): CardholderRecord {
    this.cardholders.set(cardholder.id, cardholder);
    return this.changed(cardholder);
  }

  addCard(card: Card): Card {
    this.cards.set(card.id, card);
    this.chipSerials.add(card.chipserialNumber.toUpperCase());
    return this.changed(card);
  }

  /** Stores a production as is; only the seed does this (the API derives them from card statuses). */
  addProduction(production: Production): Production {
    this.productions.set(production.id, production);
    return this.changed(production);
  }

  /** Applies a partial update in place (only the given fields change). */
  update<T extends object>(record: T, changes: Partial<T>): T {
    Object.assign(record, changes);
    return this.changed(record);
  }

  /** A new card for a cardholder, typed and laid out after the cardholder's profile. */
  createCard(cardholder: CardholderRecord, metadata: Metadata = {}, status: CardStatus = 'initialized'): Card {
    const type = DEFAULT_CARD_TYPE;
    const traits = cardTypeTraits(type);
    const card = this.addCard({
      id: this.entropy.guid(),
      cardholder: cardholder.id,
      cardNumber: this.nextCardNumber(),
      chipserialNumber: this.newChipSerialNumber(traits.uidHexDigits),
      status: 'initialized',
      type,
      encryption: traits.encryption,
      layout: layoutForProfile(cardholder.profile),
      startDate: cardholder.startDate,
      endDate: cardholder.endDate,
      pickupNotice: false,
      metadata,
      created: this.entropy.now(),
    });
    return this.setCardStatus(card, status);
  }

  /**
   * Changes a card's status. Entering `in_production` creates the card's production record and
   * leaving it deletes the record, as the document describes for productions.
   */
  setCardStatus(card: Card, status: CardStatus, userName = 'api'): Card {
    const before = card.status;
    card.status = status;
    if (status === 'in_production' && before !== 'in_production') {
      const cardholder = card.cardholder ? this.cardholders.get(card.cardholder) : undefined;
      const person = cardholder?.person ? this.persons.get(cardholder.person) : undefined;
      const production: Production = {
        id: this.entropy.guid(),
        person: person?.id ?? null,
        cardholder: cardholder?.id ?? null,
        card: card.id,
        nameOnCard: cardholder?.nameOnCard ?? (person ? `${person.firstName} ${person.lastName}` : null),
        chipserialNumber: card.chipserialNumber,
        userName,
        exported: false,
        printedOn: null,
        numberOfTries: 0,
      };
      this.productions.set(production.id, production);
    } else if (before === 'in_production' && status !== 'in_production') {
      const production = this.productionOf(card.id);
      if (production) this.productions.delete(production.id);
    }
    return this.changed(card);
  }

  /** Records a new chip serial on a production and on its card (the printer reads the chip). */
  setProductionChipSerialNumber(production: Production, serial: string): void {
    const card = this.cards.get(production.card);
    if (card) {
      this.chipSerials.delete(card.chipserialNumber.toUpperCase());
      card.chipserialNumber = serial;
      this.chipSerials.add(serial.toUpperCase());
    }
    production.chipserialNumber = serial;
    this.changed(production);
  }

  deleteAddress(id: string): boolean {
    const deleted = this.addresses.delete(id);
    if (deleted) this.changed(undefined);
    return deleted;
  }

  /** Cards cannot be deleted, so a deleted cardholder's cards stay, detached (`cardholder: null`). */
  deleteCardholder(id: string): boolean {
    if (!this.cardholders.has(id)) return false;
    for (const card of this.cardsOf(id)) card.cardholder = null;
    this.cardholders.delete(id);
    this.changed(undefined);
    return true;
  }

  /** Deleting a person takes its addresses and cardholders with it. */
  deletePerson(id: string): boolean {
    if (!this.persons.has(id)) return false;
    for (const address of this.addressesOf(id)) this.addresses.delete(address.id);
    for (const cardholder of [...this.cardholdersOf(id)]) this.deleteCardholder(cardholder.id);
    this.persons.delete(id);
    this.anonymousPersonIds.delete(id);
    for (const set of this.anonymousSets.values()) set.personIds = set.personIds.filter((p) => p !== id);
    this.changed(undefined);
    return true;
  }

  // --- internals ----------------------------------------------------------------------------

  /**
   * Marks relations stale and re-derives each production's person and cardholder from its card,
   * so moving a cardholder to another person (or deleting it) shows up in its productions.
   */
  private changed<T>(record: T): T {
    this.relations = undefined;
    for (const production of this.productions.values()) {
      const card = this.cards.get(production.card);
      const cardholder = card?.cardholder ? this.cardholders.get(card.cardholder) : undefined;
      production.cardholder = cardholder?.id ?? null;
      production.person = cardholder?.person ?? null;
    }
    return record;
  }

  private index(): Relations {
    if (this.relations) return this.relations;
    const relations: Relations = {
      addressesByPerson: new Map(),
      cardholdersByPerson: new Map(),
      cardsByCardholder: new Map(),
      productionByCard: new Map(),
    };
    for (const a of this.addresses.values()) push(relations.addressesByPerson, a.person, a);
    for (const c of this.cardholders.values()) if (c.person) push(relations.cardholdersByPerson, c.person, c);
    for (const c of this.cards.values()) if (c.cardholder) push(relations.cardsByCardholder, c.cardholder, c);
    for (const p of this.productions.values()) relations.productionByCard.set(p.card, p);
    this.relations = relations;
    return relations;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
