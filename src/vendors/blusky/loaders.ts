/** Per-request DataLoader for a BluSKY user's cards (one GET per distinct user; ids compared lower-cased). */
import DataLoader from 'dataloader';
import type { BluskyClient } from './client';
import type { UserCardView } from './types';

export class BluskyLoaders {
  readonly userCards: DataLoader<string, UserCardView[] | null>;

  constructor(readonly client: BluskyClient) {
    this.userCards = new DataLoader<string, UserCardView[] | null>(
      (userIds) => Promise.all(userIds.map((userId) => client.userCards(userId).catch((error: unknown) => error as Error))),
      { cacheKeyFn: (userId) => userId.toLowerCase() },
    );
  }

  /** Forgets a user's cards after a write, so a later read in the same operation sees the change. */
  forget(userId: string): void {
    this.userCards.clear(userId);
  }
}
