/**
 * One poll loop: asks CardWizard about one card request at a bounded interval and pushes every
 * change to all of its subscribers, until the request ends, the deadline passes, polling fails for
 * good, or the last subscriber leaves. Time comes from an injected clock, so tests can drive it.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import type { Logger } from '../../logger';
import { EventQueue } from './eventQueue';
import { isFinal } from './mapping';
import type { CardRead, CardRequestKey } from './types';

/** What a subscriber receives: a state (null: CardWizard knows no such request) or the error that ended tracking. */
export type CardReadEvent = { kind: 'state'; request: CardRead | null } | { kind: 'error'; error: Error };

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export type StopReason = 'ended' | 'unknownRequest' | 'deadline' | 'failed' | 'noSubscribers' | 'shutdown';

export interface PollLoopOptions {
  key: CardRequestKey;
  poll: (key: CardRequestKey) => Promise<CardRead | null>;
  intervalMs: number;
  deadlineMs: number;
  /** Transient poll failures in a row after which tracking gives up. */
  maxConsecutiveFailures: number;
  clock: Clock;
  logger: Logger;
  onStop: (reason: StopReason) => void;
}

/** Vendor failures that may pass by themselves: polling goes on after them. */
const TRANSIENT: ReadonlySet<string> = new Set([ErrorCode.VENDOR_UNAVAILABLE, ErrorCode.VENDOR_TIMEOUT, ErrorCode.VENDOR_RATE_LIMITED]);

export class PollLoop {
  private readonly subscribers = new Set<EventQueue<CardReadEvent>>();
  private latest: { request: CardRead; fingerprint: string } | undefined;
  private timer: unknown;
  private deadlineTimer: unknown;
  private stopped = false;
  private failures = 0;
  /** Vendor polls made so far (for tests and logs). */
  polls = 0;

  constructor(private readonly options: PollLoopOptions) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Adds a subscriber; one joining a running loop gets the latest state at once. */
  subscribe(): EventQueue<CardReadEvent> {
    const queue: EventQueue<CardReadEvent> = new EventQueue(() => this.leave(queue));
    if (this.stopped) {
      queue.end();
      return queue;
    }
    this.subscribers.add(queue);
    if (this.latest) queue.push({ kind: 'state', request: this.latest.request });
    return queue;
  }

  start(): void {
    this.deadlineTimer = this.options.clock.setTimeout(() => this.stop('deadline'), this.options.deadlineMs);
    void this.tick();
  }

  stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.options.clock.clearTimeout(this.deadlineTimer);
    for (const queue of this.subscribers) queue.end();
    this.subscribers.clear();
    const { deviceId, id } = this.options.key;
    this.options.logger.debug({ deviceId, cardRequestId: id, reason, polls: this.polls }, 'card read tracking stopped');
    this.options.onStop(reason);
  }

  private leave(queue: EventQueue<CardReadEvent>): void {
    this.subscribers.delete(queue);
    if (this.subscribers.size === 0) this.stop('noSubscribers');
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    this.polls += 1;
    let request: CardRead | null;
    try {
      request = await this.options.poll(this.options.key);
    } catch (error) {
      if (!this.stopped) this.pollFailed(error);
      return;
    }
    if (this.stopped) return;
    this.failures = 0;
    if (request === null) {
      this.broadcast({ kind: 'state', request: null });
      return this.stop('unknownRequest');
    }
    const fingerprint = fingerprintOf(request);
    if (this.latest?.fingerprint !== fingerprint) {
      this.latest = { request, fingerprint };
      this.broadcast({ kind: 'state', request });
    }
    if (isFinal(request.status)) return this.stop('ended');
    this.schedule();
  }

  private pollFailed(error: unknown): void {
    this.failures += 1;
    const code = error instanceof VendorError ? error.code : undefined;
    const { deviceId, id } = this.options.key;
    if (code !== undefined && TRANSIENT.has(code) && this.failures < this.options.maxConsecutiveFailures) {
      this.options.logger.warn({ deviceId, cardRequestId: id, code, failures: this.failures }, 'card read poll failed; polling goes on');
      return this.schedule();
    }
    this.options.logger.warn({ deviceId, cardRequestId: id, code, failures: this.failures }, 'card read tracking failed');
    this.broadcast({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    this.stop('failed');
  }

  private schedule(): void {
    this.timer = this.options.clock.setTimeout(() => void this.tick(), this.options.intervalMs);
  }

  private broadcast(event: CardReadEvent): void {
    for (const queue of this.subscribers) queue.push(event);
  }
}

/** What makes two states different for subscribers (kept in memory only: it includes track data). */
function fingerprintOf(request: CardRead): string {
  return JSON.stringify([request.status, request.requestedAt, request.endedAt, request.trackData, request.failure]);
}
