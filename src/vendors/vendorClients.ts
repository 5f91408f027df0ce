/**
 * The vendor clients, created once at start-up from the configuration and shared by all requests
 * (they own the connection pools).
 */
import type { HttpSettings, VendorName, VendorSettings } from '../config';
import type { Logger } from '../logger';
import { CardExchangeClient } from './cardexchange/client';

export interface VendorClients {
  cardexchange: CardExchangeClient;
}

/** `http` holds each vendor's own timeouts and limits (config.vendorHttp). */
export function createVendorClients(settings: VendorSettings, http: Record<VendorName, HttpSettings>, logger: Logger): VendorClients {
  return {
    cardexchange: CardExchangeClient.create(settings.cardexchange, http.cardexchange, logger),
  };
}

export async function closeVendorClients(clients: VendorClients): Promise<void> {
  await Promise.all(Object.values(clients).map((client) => client.close()));
}
