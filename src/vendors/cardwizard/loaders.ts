/**
 * Per-request DataLoader for card requests by (device, id). CardWizard has no batch route, so a
 * batch is one tracking GET per distinct request; the loader saves asking twice in one operation.
 */
import DataLoader from 'dataloader';
import type { CardWizardClient } from './client';
import { cardRequestKey, type CardRead, type CardRequestKey } from './types';

export class CardWizardLoaders {
  readonly cardRequest: DataLoader<CardRequestKey, CardRead | null, string>;

  constructor(readonly client: CardWizardClient) {
    this.cardRequest = new DataLoader<CardRequestKey, CardRead | null, string>(
      (keys) => Promise.all(keys.map((key) => client.cardRequest(key).catch((error: unknown) => error as Error))),
      { cacheKeyFn: cardRequestKey },
    );
  }
}
