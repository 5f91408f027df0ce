/**
 * Sandbox mode: starts every vendor simulator on 127.0.0.1 (free ports) with demo data and hands
 * back vendor settings pointing at them, exactly as an operator would configure real vendors.
 * The credentials are fixed demo values: the simulators check them like the vendors do.
 */
import type { VendorSettings } from '../config';
import { startAktionSimulator, type AktionSimulator } from '../vendors/aktion/sandbox';
import { startBluskySimulator } from '../vendors/blusky/sandbox';
import { startCardExchangeSimulator, type CardExchangeSimulator } from '../vendors/cardexchange/sandbox';
import { startCardWizardSimulator } from '../vendors/cardwizard/sandbox';

export const SANDBOX_CREDENTIALS = {
  cardexchangeApiKey: 'sk_test_keyway_sandbox',
  aktionUserLogin: 'keyway-sandbox',
  aktionApiKey: 'aktion-sandbox-key',
  cardwizardJwt: 'cardwizard-sandbox-jwt',
  bluskyToken: 'blusky-sandbox-token',
} as const;

export interface Sandbox {
  vendors: VendorSettings;
  urls: Record<keyof VendorSettings, string>;
  cardexchange: CardExchangeSimulator;
  aktion: AktionSimulator;
  cardwizard: Awaited<ReturnType<typeof startCardWizardSimulator>>;
  blusky: Awaited<ReturnType<typeof startBluskySimulator>>;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Latency every simulator adds to each request, in ms. */
  latencyMs?: number;
  /** Aktion token lifetime (tests use short ones); default 20 s as the vendor documents. */
  aktionTokenTtlSeconds?: number;
  /** How long a CardWizard card read stays pending; default 3 s. */
  cardReadCompleteAfterMs?: number;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const latencyMs = options.latencyMs ?? 0;
  const cardexchange = await startCardExchangeSimulator({ apiKey: SANDBOX_CREDENTIALS.cardexchangeApiKey, latencyMs });
  const [aktion, cardwizard, blusky] = await Promise.all([
    startAktionSimulator({
      userLogin: SANDBOX_CREDENTIALS.aktionUserLogin,
      apiKey: SANDBOX_CREDENTIALS.aktionApiKey,
      latencyMs,
      tokenTtlSeconds: options.aktionTokenTtlSeconds,
      // Identifiers for the demo cards' chips, so Card.identifier shows something in GraphiQL.
      linkedChipSerials: [...cardexchange.store.seedChipSerialNumbers],
    }),
    startCardWizardSimulator({ jwt: SANDBOX_CREDENTIALS.cardwizardJwt, latencyMs, completeAfterMs: options.cardReadCompleteAfterMs }),
    startBluskySimulator({ token: SANDBOX_CREDENTIALS.bluskyToken, latencyMs }),
  ]);
  const vendors: VendorSettings = {
    cardexchange: { url: cardexchange.url, apiKey: SANDBOX_CREDENTIALS.cardexchangeApiKey },
    aktion: { url: aktion.apiUrl, userLogin: SANDBOX_CREDENTIALS.aktionUserLogin, apiKey: SANDBOX_CREDENTIALS.aktionApiKey },
    cardwizard: { url: cardwizard.baseUrl, jwt: SANDBOX_CREDENTIALS.cardwizardJwt },
    blusky: { url: blusky.url, token: SANDBOX_CREDENTIALS.bluskyToken },
  };
  return {
    vendors,
    urls: { cardexchange: cardexchange.url, aktion: aktion.apiUrl, cardwizard: cardwizard.baseUrl, blusky: blusky.url },
    cardexchange,
    aktion,
    cardwizard,
    blusky,
    close: async () => {
      await Promise.all([cardexchange.close(), aktion.close(), cardwizard.close(), blusky.close()]);
    },
  };
}
