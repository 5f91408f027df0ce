/**
 * Entrust Datacard CardWizard simulator: CMC card-read requests.
 *
 * Public surface: `startCardWizardSimulator`, the demo devices, the exception
 * table and the tracking constants. The gateway's base URL for it is
 * `<url>/CardWizard` (also returned as `baseUrl`).
 */
import { SeededRandom } from '../../../sandbox/random';
import { SimulatorServer, type SimulatorOptions } from '../../../sandbox/simulatorServer';
import { beginReadCard, type CardWizardContext } from './beginReadCard';
import { CardRequestStore } from './cardRequestStore';
import { demoDevices } from './demoDevices';
import { CARD_REQUEST_PATH, CARD_REQUESTS_PATH } from './tracking';
import { cancelCardRequest, getCardRequest } from './trackCardRequest';

export { demoDevices, describeBehaviour, type DemoDevice, type DeviceBehaviour } from './demoDevices';
export { cardWizardExceptions, exceptionBody, type CardWizardExceptionName, type WebApiExceptionBody } from './exceptions';
export { SIMULATE_FAILURE_MARKER } from './readOutcome';
export { CardRequestStore, type StoredCardRequest } from './cardRequestStore';
export * from './tracking';

/** Path prefix under which CardWizard's `Api/...` routes live. */
export const CARDWIZARD_BASE_PATH = '/CardWizard';
export const DEFAULT_COMPLETE_AFTER_MS = 3000;

export interface CardWizardSimulatorOptions extends SimulatorOptions {
  /** The token accepted in the `JWT` header, with every permission. */
  jwt: string;
  /** A second token whose user lacks ReadTrackData: `beginreadcard` answers ReadCardNotAuthorizedException. */
  jwtWithoutReadPermission?: string;
  /** How long a read stays Pending before it completes or fails (default 3000 ms). */
  completeAfterMs?: number;
  /** Seed for request ids and demo track data (default 1). */
  seed?: number;
}

export interface CardWizardSimulator {
  /** Server root, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** What the gateway's `CARDWIZARD_URL` should be: `<url>/CardWizard`. */
  baseUrl: string;
  server: SimulatorServer;
  store: CardRequestStore;
  close(): Promise<void>;
}

export async function startCardWizardSimulator(options: CardWizardSimulatorOptions): Promise<CardWizardSimulator> {
  if (!options.jwt) throw new Error('startCardWizardSimulator: a non-empty jwt is required');
  if (options.jwtWithoutReadPermission === options.jwt) {
    throw new Error('startCardWizardSimulator: jwtWithoutReadPermission must differ from jwt');
  }
  const random = new SeededRandom(options.seed ?? 1);
  const store = new CardRequestStore(random, options.completeAfterMs ?? DEFAULT_COMPLETE_AFTER_MS);
  const context: CardWizardContext = {
    auth: { jwt: options.jwt, jwtWithoutReadPermission: options.jwtWithoutReadPermission },
    devices: new Map(demoDevices.map((device) => [device.id, device])),
    store,
    random,
    basePath: CARDWIZARD_BASE_PATH,
  };

  const server = new SimulatorServer('CardWizard', options)
    .route('POST', `${CARDWIZARD_BASE_PATH}${CARD_REQUESTS_PATH}`, beginReadCard(context))
    .route('GET', `${CARDWIZARD_BASE_PATH}${CARD_REQUEST_PATH}`, getCardRequest(context))
    .route('DELETE', `${CARDWIZARD_BASE_PATH}${CARD_REQUEST_PATH}`, cancelCardRequest(context));
  const url = await server.listen();
  return { url, baseUrl: `${url}${CARDWIZARD_BASE_PATH}`, server, store, close: () => server.close() };
}
