/**
 * The card requests a CardWizard simulator has created, kept in memory.
 *
 * State is derived from the clock when asked (Pending until `dueAt`, then the
 * planned outcome) instead of being flipped by timers: nothing to clean up on
 * close, and a request that nobody polls still ends on time.
 */
import type { SeededRandom } from '../../../sandbox/random';
import { cardWizardExceptions } from './exceptions';
import type { ReadOutcome } from './readOutcome';
import type { CardRequestState, TrackedCardRequest } from './tracking';

export interface StoredCardRequest {
  readonly id: string;
  readonly deviceId: number;
  /** The message sent to the device (the POST body), kept so tests can check what arrived. */
  readonly message: string;
  readonly requestedAt: number;
  /** When the read ends unless cancelled first (ms since epoch). */
  readonly dueAt: number;
  readonly outcome: ReadOutcome;
  cancelledAt: number | null;
}

export type CancelResult =
  | { cancelled: true; request: TrackedCardRequest }
  | { cancelled: false; state: CardRequestState };

export class CardRequestStore {
  private readonly requests = new Map<string, StoredCardRequest>();

  constructor(
    private readonly random: SeededRandom,
    /** How long a read takes before it completes or fails, in ms. */
    readonly completeAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(deviceId: number, message: string, outcome: ReadOutcome): StoredCardRequest {
    // A GUID, as a .NET service would mint; clients must treat it as an opaque string.
    const requestedAt = this.now();
    const request: StoredCardRequest = {
      id: this.random.guid(),
      deviceId,
      message,
      requestedAt,
      dueAt: requestedAt + this.completeAfterMs,
      outcome,
      cancelledAt: null,
    };
    this.requests.set(request.id, request);
    return request;
  }

  /** The request with this id on this device (ids are matched case-insensitively, like .NET GUIDs). */
  find(deviceId: number, requestId: string): StoredCardRequest | undefined {
    const request = this.requests.get(requestId.toLowerCase());
    return request && request.deviceId === deviceId ? request : undefined;
  }

  all(): StoredCardRequest[] {
    return [...this.requests.values()];
  }

  stateOf(request: StoredCardRequest): CardRequestState {
    if (request.cancelledAt !== null) return 'Cancelled';
    if (request.outcome.kind === 'neverEnds' || this.now() < request.dueAt) return 'Pending';
    return request.outcome.kind === 'completes' ? 'Completed' : 'Failed';
  }

  /** Cancels a pending request; an ended one stays as it is. */
  cancel(request: StoredCardRequest): CancelResult {
    const state = this.stateOf(request);
    if (state !== 'Pending') return { cancelled: false, state };
    request.cancelledAt = this.now();
    return { cancelled: true, request: this.track(request) };
  }

  /** The JSON a tracking GET answers with. */
  track(request: StoredCardRequest): TrackedCardRequest {
    const state = this.stateOf(request);
    const { outcome } = request;
    const endedAt = state === 'Cancelled' ? request.cancelledAt : state === 'Pending' ? null : request.dueAt;
    return {
      Id: request.id,
      DeviceId: request.deviceId,
      State: state,
      RequestedAt: new Date(request.requestedAt).toISOString(),
      CompletedAt: endedAt === null ? null : new Date(endedAt).toISOString(),
      TrackData: state === 'Completed' && outcome.kind === 'completes' ? outcome.trackData : null,
      Error:
        state === 'Failed' && outcome.kind === 'fails'
          ? { ExceptionType: cardWizardExceptions[outcome.exception].type, Message: outcome.message }
          : null,
    };
  }
}
