/**
 * The per-request context: the vendor clients (shared, created once) and fresh DataLoaders
 * (created per request, so one caller's data never leaks into another's answer).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import { ANONYMOUS, type Caller } from './security/caller';
import { CardExchangeLoaders } from './vendors/cardexchange/loaders';
import type DataLoader from 'dataloader';
import { AktionLoaders } from './vendors/aktion/loaders';
import { createCardByChipSerialLoader } from './vendors/cardexchange/cardByChipSerial';
import type { CxCardDto } from './vendors/cardexchange/types';
import { RetryBudget } from './http/requestScope';
import { clientsForRequest, type VendorClients } from './vendors/vendorClients';
import { BluskyLoaders } from './vendors/blusky/loaders';
import { CardWizardLoaders } from './vendors/cardwizard/loaders';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  sandbox: boolean;
  /** Who is calling (authenticated before the request reaches GraphQL). */
  caller: Caller;
  clients: VendorClients;
  cardexchange: CardExchangeLoaders;
  /** Aktion identifiers by internal number. */
  aktion: AktionLoaders;
  /** CardExchange cards by chip serial number (normalised), for Identifier.card. */
  cardByChipSerial: DataLoader<string, CxCardDto | null>;
  /** CardWizard card requests by (device, id). */
  cardwizard: CardWizardLoaders;
  /** BluSKY user cards by user id. */
  blusky: BluskyLoaders;
  /** Gateway-wide track-data visibility (CARD_READ_TRACK_DATA_VISIBLE); read it through canSeeTrackData(). */
  trackDataVisible: boolean;
}

export interface ContextOptions {
  clients: VendorClients;
  logger: Logger;
  sandbox: boolean;
  /** False only for the benchmark's "no DataLoader" scenario. */
  batching?: boolean;
  /** Retries one GraphQL request may spend across its vendor calls (default 4). */
  retryBudgetPerRequest?: number;
  /** Whether card-read track data is shown to every caller (config.cardReads); default: in sandbox mode. */
  trackDataVisible?: boolean;
}

export function createContext(options: ContextOptions, requestId: string = randomUUID(), caller: Caller = ANONYMOUS): GatewayContext {
  const batching = options.batching ?? true;
  const clients = clientsForRequest(options.clients, { requestId, retryBudget: new RetryBudget(options.retryBudgetPerRequest ?? 4) });
  const cardexchange = new CardExchangeLoaders(clients.cardexchange, { batching });
  return {
    requestId,
    logger: options.logger.child({ requestId }),
    sandbox: options.sandbox,
    caller,
    clients,
    cardexchange,
    aktion: new AktionLoaders(clients.aktion, { batching }),
    cardByChipSerial: createCardByChipSerialLoader(cardexchange, { batching }),
    cardwizard: new CardWizardLoaders(clients.cardwizard),
    blusky: new BluskyLoaders(clients.blusky),
    trackDataVisible: options.trackDataVisible ?? options.sandbox,
  };
}
