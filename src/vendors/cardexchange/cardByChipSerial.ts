/**
 * Per-request DataLoader: the CardExchange card with a given chip serial number (for
 * `Identifier.card`). CardExchange has no chip-serial filter, but its list search `q` matches
 * substrings of the chip serial number, so a lookup is `cards?q=<serial>` and an exact match after
 * normalising both sides (upper case, no leading zeros: Aktion drops them, CardExchange keeps them,
 * and the search term without them is still a substring of CardExchange's spelling).
 *
 * A short serial can match many cards by substring; the search reads at most MAX_PAGES pages of
 * 100 before it gives up (null). Found cards are primed into the card loader.
 */
import DataLoader from 'dataloader';
import { normaliseHexNumber } from '../../validation/chipSerial';
import type { CardExchangeLoaders } from './loaders';
import { CX_MAX_PER_PAGE } from './resources';
import type { CxCardDto } from './types';

const MAX_PAGES = 5;

export function createCardByChipSerialLoader(loaders: CardExchangeLoaders, options: { batching: boolean } = { batching: true }): DataLoader<string, CxCardDto | null> {
  return new DataLoader<string, CxCardDto | null>(
    async (serials) =>
      Promise.all(serials.map((serial) => findCard(loaders, serial).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
    { cache: options.batching, batch: options.batching, cacheKeyFn: normaliseHexNumber },
  );
}

async function findCard(loaders: CardExchangeLoaders, serial: string): Promise<CxCardDto | null> {
  const wanted = normaliseHexNumber(serial);
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { items, totalCount } = await loaders.client.list<CxCardDto>('cards', page, CX_MAX_PER_PAGE, { q: wanted });
    const card = items.find((item) => item.chipserialNumber && normaliseHexNumber(item.chipserialNumber) === wanted);
    if (card) {
      loaders.primeListItem('cards', card);
      return card;
    }
    if (page * CX_MAX_PER_PAGE >= totalCount || items.length < CX_MAX_PER_PAGE) return null;
  }
  return null;
}
