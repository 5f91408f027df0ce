/**
 * The Aktion WebAPI (identifiers) simulator: a real HTTP server on 127.0.0.1
 * that behaves like Aktion's documented identifier endpoints, so the gateway's
 * Aktion client can be developed and tested without the vendor.
 *
 * The gateway's base URL for it is `<url>/api` (`apiUrl`). Routes, response
 * shapes and the order of checks are described at the top of `routes.ts`.
 *
 * Provoking errors without special modes:
 *   - 401/1000 a token never issued; 401/1001 `expireAllTokens()` or a short
 *     `tokenTtlSeconds`; 401/1008 more logins than `loginRateLimit` allows;
 *     401/1003 and 1004 a wrong UserLogin or ApiKey; 400/1002 an invalid body;
 *     415 a non-JSON Content-Type; 403/3 creating an existing number; 404/1140
 *     an unknown number; 202 "remains unchanged" an update that changes nothing.
 *   - Every other documented error number: use the reserved InternalNrLong
 *     values of {@link RESERVED_ERRORS}, `DEAD` + the error number in four
 *     digits, each for the operations where that error applies:
 *
 *       DEAD0000  update                      403/0    unchanged, reported as 403 (success)
 *       DEAD0001..DEAD0008  create/update/remove  403/1..8  Db operation failed, ...
 *       DEAD0500  every operation             500/500  server exception
 *       DEAD1006  every operation             401/1006 IP filter violated
 *       DEAD1007  every operation             401/1007 IP filter parsing failed
 *       DEAD1008  every operation             401/1008 request rate policy violated
 *       DEAD1141  get, getAccessPrivileges    403/1141 no View privilege
 *       DEAD1142  update                      403/1142 no Edit privilege
 *       DEAD1143  remove                      403/1143 no Delete privilege
 *       DEAD1144  get, getAccessPrivileges    403/1144 no View record permission
 *       DEAD1145  create                      403/1145 no New privilege
 *       DEAD1146  remove                      403/1146 no Delete record permission
 *       DEAD1147  update                      403/1147 no Edit record permission
 *
 *   - Anything else: the `forceError` hook (options or the property on the
 *     running simulator), consulted before the reserved table. Transport-level
 *     faults (hangs, drops, 429s, latency) come from `server.injectFault`.
 */
import { SimulatorServer, type SimulatorOptions } from '../../../sandbox/simulatorServer';
import type { AktionOperation, ForcedError } from './errors';
import { IdentifierStore } from './identifiers';
import { SlidingWindowLimiter } from './rateLimit';
import { registerAktionRoutes, type ForceErrorHook } from './routes';
import { DEFAULT_SEED, generateSeed } from './seed';
import { TokenStore } from './tokens';

export { RESERVED_ERRORS, MESSAGE_TEMPLATES, aktionMessage } from './errors';
export type { AktionOperation, ForcedError, ReservedError } from './errors';
export { DEFAULT_PAGE_SIZE } from './routes';
export type { ForceErrorHook } from './routes';
export { IdentifierStore, normaliseInternalNr, toWire } from './identifiers';
export type { StoredIdentifier, IdentifierWire, IdentifierStatus, IdentifierType, Technology } from './identifiers';
export { parseAktionDate, formatAktionDate } from './dates';
export { generateSeed, DEFAULT_SEED, SEED_COUNT } from './seed';

export interface AktionSimulatorOptions extends SimulatorOptions {
  /** The one account that may log in (compared case-insensitively). */
  userLogin: string;
  apiKey: string;
  /** Token lifetime; the vendor's is 20 s. */
  tokenTtlSeconds?: number;
  /** Logins allowed per UserLogin within a sliding window before 401/1008; default 30 per 10 s. */
  loginRateLimit?: { max: number; windowMs: number };
  /** Seed of the demo data (default {@link DEFAULT_SEED}). */
  seed?: number;
  /** Adds one assigned demo card per serial, InternalNrLong = the serial normalised (hex only, ≤ 20 chars, else start fails). */
  linkedChipSerials?: string[];
  /** Answers an error instead of doing `op` on `internalNr` (normalised) when it returns one. */
  forceError?: (op: AktionOperation, internalNr: string) => ForcedError | undefined;
}

export interface AktionSimulator {
  /** Server root, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** What the gateway uses as its Aktion base URL: `<url>/api`. */
  apiUrl: string;
  server: SimulatorServer;
  store: IdentifierStore;
  /** The error hook; may be replaced or cleared while running. */
  forceError: ForceErrorHook | undefined;
  close(): Promise<void>;
  /** Every token issued so far answers 401/1001 from now on. */
  expireAllTokens(): void;
  /** Forgets past logins, so the rate policy starts afresh. */
  resetLoginRateLimit(): void;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 20;
export const DEFAULT_LOGIN_RATE_LIMIT = { max: 30, windowMs: 10_000 } as const;

export async function startAktionSimulator(options: AktionSimulatorOptions): Promise<AktionSimulator> {
  if (!options.userLogin || !options.apiKey) throw new Error('Aktion simulator: userLogin and apiKey are required');
  const ttlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!(ttlSeconds > 0)) throw new Error('Aktion simulator: tokenTtlSeconds must be positive');
  const rate = options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;

  const server = new SimulatorServer('aktion', options);
  const store = new IdentifierStore(generateSeed(options.seed ?? DEFAULT_SEED, options.linkedChipSerials ?? []));
  const tokens = new TokenStore(ttlSeconds * 1000);
  const loginLimiter = new SlidingWindowLimiter(rate.max, rate.windowMs);

  const simulator: AktionSimulator = {
    url: '',
    apiUrl: '',
    server,
    store,
    forceError: options.forceError,
    close: () => server.close(),
    expireAllTokens: () => tokens.expireAll(),
    resetLoginRateLimit: () => loginLimiter.reset(),
  };
  registerAktionRoutes(server, {
    userLogin: options.userLogin,
    apiKey: options.apiKey,
    tokenTtlSeconds: ttlSeconds,
    store,
    tokens,
    loginLimiter,
    forceError: () => simulator.forceError,
  });
  simulator.url = await server.listen();
  simulator.apiUrl = `${simulator.url}/api`;
  return simulator;
}
