/**
 * The vendor clients, created once at start-up from the configuration and shared by all requests
 * (they own the connection pools).
 */
import type { HttpSettings, VendorName, VendorSettings } from '../config';
import type { Logger } from '../logger';
import { CardExchangeClient } from './cardexchange/client';
import { AktionClient } from './aktion/client';
import { BluskyClient } from './blusky/client';
import { defaultCardReadSettings, type CardReadSettings } from './cardwizard/cardReadSettings';
import type { CardReadTracker } from './cardwizard/cardReadTracker';
import { CardWizardClient } from './cardwizard/client';
import { createCardReadTracker } from './cardwizard/createCardReadTracker';

export interface VendorClients {
  cardexchange: CardExchangeClient;
  aktion: AktionClient;
  cardwizard: CardWizardClient;
  blusky: BluskyClient;
  /** Shared poll loops behind the cardReadRequestUpdated subscription (one per card request). */
  cardReadTracker: CardReadTracker;
}

export interface VendorClientOptions {
  /** Card-read tracking settings (config.cardReads); defaults when absent. */
  cardReads?: CardReadSettings;
}

/** `http` holds each vendor's own timeouts and limits (config.vendorHttp). */
export function createVendorClients(
  settings: VendorSettings,
  http: Record<VendorName, HttpSettings>,
  logger: Logger,
  options: VendorClientOptions = {},
): VendorClients {
  const cardwizard = CardWizardClient.create(settings.cardwizard, http.cardwizard, logger);
  return {
    cardexchange: CardExchangeClient.create(settings.cardexchange, http.cardexchange, logger),
    aktion: AktionClient.create(settings.aktion, http.aktion, logger),
    cardwizard,
    blusky: BluskyClient.create(settings.blusky, http.blusky, logger),
    cardReadTracker: createCardReadTracker(cardwizard, options.cardReads ?? defaultCardReadSettings(false), logger),
  };
}

export async function closeVendorClients(clients: VendorClients): Promise<void> {
  await Promise.all(Object.values(clients).map((client) => client.close()));
}
