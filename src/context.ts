/**
 * The per-request context: the vendor clients (shared, created once) and fresh DataLoaders
 * (created per request, so one caller's data never leaks into another's answer).
 */
import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { Logger } from './logger';
import { ANONYMOUS, type Caller } from './security/caller';
import { CardExchangeLoaders } from './vendors/cardexchange/loaders';
import type DataLoader from 'dataloader';
import { AktionLoaders } from './vendors/aktion/loaders';
import { createCardByChipSerialLoader } from './vendors/cardexchange/cardByChipSerial';
import type { CxCardDto } from './vendors/cardexchange/types';
import { RetryBudget } from './http/requestScope';
import { clientsForRequest, type VendorClients } from './vendors/vendorClients';
import { BluskyLoaders } from './vendors/blusky/loaders';
import { CardWizardLoaders } from './vendors/cardwizard/loaders';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  sandbox: boolean;
  /** Who is calling (authenticated before the request reaches GraphQL). */
  caller: Caller;
  clients: VendorClients;
  cardexchange: CardExchangeLoaders;
  /** Aktion identifiers by internal number. */
  aktion: AktionLoaders;
  /** CardExchange cards by chip serial number (normalised), for Identifier.card. */
  cardByChipSerial: DataLoader<string, CxCardDto | null>;
  /** CardWizard card requests by (device, id). */
  cardwizard: CardWizardLoaders;
  /** BluSKY user cards by user id. */
  blusky: BluskyLoaders;
  /** Gateway-wide track-data visibility (CARD_READ_TRACK_DATA_VISIBLE); read it through canSeeTrackData(). */
  trackDataVisible: boolean;
  /** performance.now() when the request was taken on (for the request duration metric). */
  startedAt: number;
  /**
   * Set by the fast path (src/execution/fastPath.ts) when it already ran the operation and hands the
   * answer to Apollo to format: Apollo's execution step returns this instead of running it again.
   */
  handedOver?: Promise<ExecutionResult>;
}

export interface ContextOptions {
  clients: VendorClients;
  logger: Logger;
  sandbox: boolean;
  /** False only for the benchmark's "no DataLoader" scenario. */
  batching?: boolean;
  /** Retries one GraphQL request may spend across its vendor calls (default 4). */
  retryBudgetPerRequest?: number;
  /** Whether card-read track data is shown to every caller (config.cardReads); default: in sandbox mode. */
  trackDataVisible?: boolean;
}

export function createContext(options: ContextOptions, requestId: string = randomUUID(), caller: Caller = ANONYMOUS): GatewayContext {
  return new RequestContext(options, requestId, caller);
}

/**
 * Most operations touch one or two vendors, so each loader set and the request's child logger is
 * built the first time a resolver asks for it (bench scenario 1: building them all on every request
 * was about 3 % of the gateway's CPU). The getters live on the prototype because Apollo Server
 * shallow-copies the context per operation (`Object.assign` onto an object with the same
 * prototype), which would call getters defined on the object itself. The copy shares `built` with
 * the original: both are the same request.
 */
class RequestContext implements GatewayContext {
  readonly sandbox: boolean;
  readonly clients: VendorClients;
  readonly trackDataVisible: boolean;
  readonly startedAt = performance.now();
  handedOver?: Promise<ExecutionResult>;
  private readonly batching: boolean;
  private built: Partial<Pick<GatewayContext, 'logger' | 'cardexchange' | 'aktion' | 'cardByChipSerial' | 'cardwizard' | 'blusky'>> = {};

  constructor(
    private readonly options: ContextOptions,
    readonly requestId: string,
    readonly caller: Caller,
  ) {
    this.sandbox = options.sandbox;
    this.batching = options.batching ?? true;
    this.trackDataVisible = options.trackDataVisible ?? options.sandbox;
    this.clients = clientsForRequest(options.clients, { requestId, retryBudget: new RetryBudget(options.retryBudgetPerRequest ?? 4) });
  }

  get logger(): Logger {
    return (this.built.logger ??= this.options.logger.child({ requestId: this.requestId }));
  }

  get cardexchange(): CardExchangeLoaders {
    return (this.built.cardexchange ??= new CardExchangeLoaders(this.clients.cardexchange, { batching: this.batching }));
  }

  get aktion(): AktionLoaders {
    return (this.built.aktion ??= new AktionLoaders(this.clients.aktion, { batching: this.batching }));
  }

  get cardByChipSerial(): DataLoader<string, CxCardDto | null> {
    return (this.built.cardByChipSerial ??= createCardByChipSerialLoader(this.cardexchange, { batching: this.batching }));
  }

  get cardwizard(): CardWizardLoaders {
    return (this.built.cardwizard ??= new CardWizardLoaders(this.clients.cardwizard));
  }

  get blusky(): BluskyLoaders {
    return (this.built.blusky ??= new BluskyLoaders(this.clients.blusky));
  }
}
