/**
 * Shared tracking of card-read requests for subscriptions: one poll loop per (device, request),
 * however many subscribers follow it. The loop starts with the first subscriber and stops when the
 * request ends, its deadline passes, or the last subscriber leaves. Created once per gateway.
 */
import type { Logger } from '../../logger';
import type { EventQueue } from './eventQueue';
import { PollLoop, systemClock, type CardReadEvent, type Clock } from './pollLoop';
import { cardRequestKey, type CardRead, type CardRequestKey } from './types';

export type { CardReadEvent };

export interface CardReadTrackerOptions {
  /** Reads a request's current state from CardWizard; null when it knows none. */
  poll: (key: CardRequestKey) => Promise<CardRead | null>;
  /** Pause between two polls of the same request. */
  pollIntervalMs: number;
  /** Longest time one loop runs; its subscribers are then let go with the last state they saw. */
  deadlineMs: number;
  /** Transient poll failures in a row after which subscribers get the error (default 5). */
  maxConsecutiveFailures?: number;
  logger: Logger;
  clock?: Clock;
}

export class CardReadTracker {
  private readonly loops = new Map<string, PollLoop>();
  private closed = false;

  constructor(private readonly options: CardReadTrackerOptions) {
    if (!(options.pollIntervalMs > 0) || !(options.deadlineMs >= options.pollIntervalMs)) {
      throw new RangeError('CardReadTracker needs pollIntervalMs > 0 and deadlineMs >= pollIntervalMs');
    }
  }

  /** A stream of the request's states; leave it with `return()`. */
  subscribe(key: CardRequestKey): EventQueue<CardReadEvent> {
    const existing = this.loops.get(cardRequestKey(key));
    if (existing) return existing.subscribe();
    const loop = this.createLoop(key);
    const queue = loop.subscribe();
    if (!this.closed) loop.start();
    return queue;
  }

  /** Number of running poll loops. */
  get activeLoops(): number {
    return this.loops.size;
  }

  /** The running loop of a request, if any (tests and diagnostics). */
  loopOf(key: CardRequestKey): PollLoop | undefined {
    return this.loops.get(cardRequestKey(key));
  }

  /** Stops every loop and ends every subscription (gateway shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const loop of [...this.loops.values()]) loop.stop('shutdown');
  }

  private createLoop(key: CardRequestKey): PollLoop {
    const id = cardRequestKey(key);
    const loop: PollLoop = new PollLoop({
      key,
      poll: this.options.poll,
      intervalMs: this.options.pollIntervalMs,
      deadlineMs: this.options.deadlineMs,
      maxConsecutiveFailures: this.options.maxConsecutiveFailures ?? 5,
      clock: this.options.clock ?? systemClock,
      logger: this.options.logger,
      onStop: () => {
        if (this.loops.get(id) === loop) this.loops.delete(id);
      },
    });
    if (this.closed) loop.stop('shutdown');
    else this.loops.set(id, loop);
    return loop;
  }
}
