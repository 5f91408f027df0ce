/**
 * BluSKY (BluB0X) simulator: user cards.
 *
 * Public surface: `startBluskySimulator`, the demo data (users, access control
 * systems, card types, unassigned cards, cards users already hold) and the
 * result-code table. The gateway's base URL for it is the server root (`url`).
 */
import { SeededRandom } from '../../../sandbox/random';
import { SimulatorServer, type SimulatorOptions } from '../../../sandbox/simulatorServer';
import { addUserCard, type BluskyContext } from './addUserCard';
import { demoCardTypes } from './cardTypes';
import { demoAcSystems } from './demoAcSystems';
import { demoAssignedCards, demoCards, demoUserCards } from './demoCards';
import { demoUsers } from './demoUsers';
import { listUserCards } from './listUserCards';
import { redactRequest } from './pinRedaction';
import { removeUserCard } from './removeUserCard';
import { UserCardStore } from './userCardStore';

export { demoUsers, type DemoUser } from './demoUsers';
export { demoAcSystems, type DemoAcSystem } from './demoAcSystems';
export { demoCardTypes, type CardType } from './cardTypes';
export { demoCards, demoAssignedCards, demoUserCards, type DemoCard, type DemoUserCard } from './demoCards';
export {
  bluskyResultCodes,
  EMPTY_GUID,
  type BluskyResult,
  type BluskyResultCode,
  type BluskyResultName,
  type ResultWithGuid,
} from './resultCodes';
export { PIN_PATTERN } from './pinRule';
export { REDACTED } from './pinRedaction';
export { UserCardStore, type StoredCard, type StoredUserCard, type UserCardsListing } from './userCardStore';

export const BLUSKY_PATHS = {
  addUserCard: '/api/Person/AddUserCard',
  removeUserCard: '/api/Person/RemoveUserCard',
  userCards: '/api/v1/Users/UserCards',
} as const;

export interface BluskySimulatorOptions extends SimulatorOptions {
  /** The API token accepted as `Authorization: Bearer <token>`. */
  token: string;
  /** Seed for the ids of cards and user cards created at run time (default 1). */
  seed?: number;
}

export interface BluskySimulator {
  /** Server root, which is also the gateway's `BLUSKY_URL`. */
  url: string;
  server: SimulatorServer;
  store: UserCardStore;
  close(): Promise<void>;
}

export async function startBluskySimulator(options: BluskySimulatorOptions): Promise<BluskySimulator> {
  if (!options.token) throw new Error('startBluskySimulator: a non-empty token is required');
  const store = new UserCardStore(
    {
      users: demoUsers,
      acSystems: demoAcSystems,
      cardTypes: demoCardTypes,
      cards: [...demoCards, ...demoAssignedCards],
      userCards: demoUserCards,
    },
    new SeededRandom(options.seed ?? 1),
  );
  const context: BluskyContext = { token: options.token, store };

  const server = new SimulatorServer('BluSKY', { ...options, redactRequest });
  server
    .route('POST', BLUSKY_PATHS.addUserCard, addUserCard(context))
    .route('POST', BLUSKY_PATHS.removeUserCard, removeUserCard(context))
    .route('GET', BLUSKY_PATHS.userCards, listUserCards(context));
  const url = await server.listen();
  return { url, server, store, close: () => server.close() };
}
