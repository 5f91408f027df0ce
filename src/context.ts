/**
 * The per-request context: the vendor clients (shared, created once) and fresh DataLoaders
 * (created per request, so one caller's data never leaks into another's answer).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import { ANONYMOUS, type Caller } from './security/caller';
import { CardExchangeLoaders } from './vendors/cardexchange/loaders';
import type { VendorClients } from './vendors/vendorClients';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  sandbox: boolean;
  /** Who is calling (authenticated before the request reaches GraphQL). */
  caller: Caller;
  clients: VendorClients;
  cardexchange: CardExchangeLoaders;
}

export interface ContextOptions {
  clients: VendorClients;
  logger: Logger;
  sandbox: boolean;
  /** False only for the benchmark's "no DataLoader" scenario. */
  batching?: boolean;
}

export function createContext(options: ContextOptions, requestId: string = randomUUID(), caller: Caller = ANONYMOUS): GatewayContext {
  const batching = options.batching ?? true;
  return {
    requestId,
    logger: options.logger.child({ requestId }),
    sandbox: options.sandbox,
    caller,
    clients: options.clients,
    cardexchange: new CardExchangeLoaders(options.clients.cardexchange, { batching }),
  };
}
