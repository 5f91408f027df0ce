/**
 * CardExchange Cloud simulator: the vendor's REST API (`/api/v1/...`) on the shared simulator
 * harness, backed by an in-memory tenant with deterministic demo data.
 */
import { SimulatorServer, type SimulatorOptions } from '../../../sandbox/simulatorServer';
import { apiKeyGuard } from './http/auth';
import { registerResource } from './http/resource';
import { addressRoutes } from './routes/addresses';
import { anonymousSetRoutes } from './routes/anonymousSets';
import { cardholderRoutes } from './routes/cardholders';
import { cardRoutes } from './routes/cards';
import { personRoutes } from './routes/persons';
import { productionRoutes } from './routes/productions';
import { CARDEXCHANGE_DEFAULT_PERSON_COUNT, CARDEXCHANGE_DEFAULT_SEED, seedStore } from './seed/seed';
import { CardExchangeStore } from './store';

export {
  BUSINESS_UNITS,
  CARD_LAYOUTS,
  CARD_TYPES,
  COST_ACCOUNTS,
  DEPARTMENTS,
  EXTERNAL_COMPANIES,
  LOCATIONS,
  PROFILES,
} from './catalog';
export * from './types';
export { CardExchangeStore } from './store';
export { demoIds } from './seed/demo';
export { CARDEXCHANGE_DEFAULT_PERSON_COUNT, CARDEXCHANGE_DEFAULT_SEED, demoChipSerialNumbers } from './seed/seed';

export interface CardExchangeSimulatorOptions extends SimulatorOptions {
  /** The key clients must present (Basic user name or Bearer token), e.g. `sk_test_...`. */
  apiKey: string;
  /** Seed for the demo data (default CARDEXCHANGE_DEFAULT_SEED). */
  seed?: number;
  /** Number of (non-anonymous) demo persons, the fixed demo persona included (default 300). */
  personCount?: number;
}

export interface CardExchangeSimulator {
  url: string;
  server: SimulatorServer;
  store: CardExchangeStore;
  close(): Promise<void>;
}

export async function startCardExchangeSimulator(options: CardExchangeSimulatorOptions): Promise<CardExchangeSimulator> {
  const store = new CardExchangeStore();
  seedStore(store, options.seed ?? CARDEXCHANGE_DEFAULT_SEED, options.personCount ?? CARDEXCHANGE_DEFAULT_PERSON_COUNT);

  const server = new SimulatorServer('CardExchange', options);
  const guard = apiKeyGuard(options.apiKey);
  registerResource(server, guard, '/api/v1/persons', personRoutes(store));
  registerResource(server, guard, '/api/v1/addresses', addressRoutes(store));
  registerResource(server, guard, '/api/v1/cardholders', cardholderRoutes(store));
  registerResource(server, guard, '/api/v1/cards', cardRoutes(store));
  registerResource(server, guard, '/api/v1/productions', productionRoutes(store));
  registerResource(server, guard, '/api/v1/anonymous-sets', anonymousSetRoutes(store));

  const url = await server.listen();
  return { url, server, store, close: () => server.close() };
}
