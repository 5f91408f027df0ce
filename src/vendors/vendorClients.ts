/**
 * The vendor clients, created once at start-up from the configuration and shared by all requests
 * (they own the connection pools).
 */
import type { HttpSettings, VendorSettings } from '../config';
import type { Logger } from '../logger';
import { CardExchangeClient } from './cardexchange/client';

export interface VendorClients {
  cardexchange: CardExchangeClient;
}

export function createVendorClients(settings: VendorSettings, http: HttpSettings, logger: Logger): VendorClients {
  return {
    cardexchange: CardExchangeClient.create(settings.cardexchange, http, logger),
  };
}

export async function closeVendorClients(clients: VendorClients): Promise<void> {
  await Promise.all(Object.values(clients).map((client) => client.close()));
}
