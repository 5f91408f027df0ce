/**
 * BluSKY's users, cards and user cards, in memory.
 *
 * A card exists on its own (it can be handed out by CardId); a UserCard entry
 * links it to a user and carries the PIN. Removing a user card marks the
 * entry Deleted (listings keep showing it, as the vendor's `Deleted` field
 * suggests) and frees the card for another assignment.
 *
 * The PIN is kept here only: nothing in the simulator logs it.
 */
import type { SeededRandom } from '../../../sandbox/random';
import type { CardType } from './cardTypes';
import type { DemoAcSystem } from './demoAcSystems';
import type { DemoCard, DemoUserCard } from './demoCards';
import type { DemoUser } from './demoUsers';

export type StoredCard = DemoCard;

export interface StoredUserCard extends DemoUserCard {
  addedAt: number;
}

export interface UserCardsListing {
  UserId: string;
  Cards: {
    CardId: string;
    CardType: number;
    CardACSystemId: string;
    InternalCardNumber: number;
    ExternalCardNumber: string;
    FacilityCode: number;
    IssueCode: number | null;
    PIN: string | null;
    Deleted: boolean;
  }[];
}

export interface BluskySeedData {
  users: readonly DemoUser[];
  acSystems: readonly DemoAcSystem[];
  cardTypes: readonly CardType[];
  cards: readonly DemoCard[];
  userCards: readonly DemoUserCard[];
}

export class UserCardStore {
  readonly users = new Map<string, DemoUser>();
  readonly acSystems = new Map<string, DemoAcSystem>();
  readonly cardTypes = new Map<number, CardType>();
  readonly cards = new Map<string, StoredCard>();
  /** Every UserCard entry ever made, in the order they were made (deleted ones included). */
  readonly userCards: StoredUserCard[] = [];

  constructor(
    seed: BluskySeedData,
    private readonly random: SeededRandom,
    private readonly now: () => number = Date.now,
  ) {
    for (const user of seed.users) this.users.set(user.id, { ...user });
    for (const system of seed.acSystems) this.acSystems.set(system.id, { ...system });
    for (const type of seed.cardTypes) this.cardTypes.set(type.id, { ...type });
    for (const card of seed.cards) this.cards.set(card.id, { ...card });
    for (const userCard of seed.userCards) this.userCards.push({ ...userCard, addedAt: this.now() });
  }

  /** The user card currently (not deleted) holding this card, if any. */
  holderOf(cardId: string): StoredUserCard | undefined {
    return this.userCards.find((entry) => entry.cardId === cardId && !entry.deleted);
  }

  activeUserCardsOf(userId: string): StoredUserCard[] {
    return this.userCards.filter((entry) => entry.userId === userId && !entry.deleted);
  }

  /** An existing card in the same AC system with the same encoding or the same printed number. */
  findDuplicate(candidate: Omit<StoredCard, 'id'>): StoredCard | undefined {
    for (const existing of this.cards.values()) {
      if (existing.acSystemId !== candidate.acSystemId) continue;
      const sameEncoding =
        existing.facilityCode === candidate.facilityCode &&
        existing.internalCardNumber === candidate.internalCardNumber;
      if (sameEncoding || existing.externalCardNumber === candidate.externalCardNumber) return existing;
    }
    return undefined;
  }

  createCard(card: Omit<StoredCard, 'id'>): StoredCard {
    const stored = { ...card, id: this.random.guid() };
    this.cards.set(stored.id, stored);
    return stored;
  }

  assign(userId: string, cardId: string, pin: string | null): StoredUserCard {
    const entry: StoredUserCard = { id: this.random.guid(), userId, cardId, pin, deleted: false, addedAt: this.now() };
    this.userCards.push(entry);
    return entry;
  }

  remove(entry: StoredUserCard): void {
    entry.deleted = true;
  }

  listing(userId: string): UserCardsListing {
    return {
      UserId: userId,
      Cards: this.userCards
        .filter((entry) => entry.userId === userId)
        .map((entry) => {
          const card = this.cards.get(entry.cardId)!;
          return {
            CardId: card.id,
            CardType: card.cardType,
            CardACSystemId: card.acSystemId,
            InternalCardNumber: card.internalCardNumber,
            ExternalCardNumber: card.externalCardNumber,
            FacilityCode: card.facilityCode,
            IssueCode: card.issueCode,
            PIN: entry.pin,
            Deleted: entry.deleted,
          };
        }),
    };
  }
}
