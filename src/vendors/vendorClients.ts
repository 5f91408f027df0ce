/**
 * The vendor clients, created once at start-up from the configuration and shared by all requests
 * (they own the connection pools).
 */
import type { HttpSettings, VendorName, VendorSettings } from '../config';
import type { RequestScope } from '../http/requestScope';
import type { VendorHttpClient } from '../http/vendorHttpClient';
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

/**
 * The clients as one GraphQL request sees them: the same pools, breakers and Aktion token session,
 * with that request's retry budget. Each view inherits everything from the shared client through
 * the prototype chain and only has its own `http` (the clients keep no other per-call state).
 */
export function clientsForRequest(clients: VendorClients, scope: RequestScope): VendorClients {
  return new RequestClientViews(clients, scope);
}

/** Views are made when first used: most requests call one or two vendors. */
class RequestClientViews implements VendorClients {
  readonly cardReadTracker: CardReadTracker;
  private views: Partial<Pick<VendorClients, 'cardexchange' | 'aktion' | 'cardwizard' | 'blusky'>> = {};

  constructor(
    private readonly shared: VendorClients,
    private readonly scope: RequestScope,
  ) {
    this.cardReadTracker = shared.cardReadTracker;
  }

  get cardexchange(): CardExchangeClient {
    return (this.views.cardexchange ??= withScope(this.shared.cardexchange, this.scope));
  }

  get aktion(): AktionClient {
    return (this.views.aktion ??= withScope(this.shared.aktion, this.scope));
  }

  get cardwizard(): CardWizardClient {
    return (this.views.cardwizard ??= withScope(this.shared.cardwizard, this.scope));
  }

  get blusky(): BluskyClient {
    return (this.views.blusky ??= withScope(this.shared.blusky, this.scope));
  }
}

function withScope<C extends { readonly http: VendorHttpClient }>(client: C, scope: RequestScope): C {
  return Object.create(client, { http: { value: client.http.forRequest(scope) } }) as C;
}

export async function closeVendorClients(clients: VendorClients): Promise<void> {
  await Promise.all(Object.values(clients).map((client) => client.close()));
}
