/**
 * The deadline of one vendor call (its attempts and the pauses between them), as the abort signal
 * undici takes.
 *
 * undici accepts an EventEmitter as a request's `signal` (documented beside EventTarget), and this
 * is one: Node's AbortController is an EventTarget whose construction and `addEventListener`/
 * `removeEventListener` cost about 4 % of the gateway's CPU and 6 % of its allocations on the card
 * page, which makes 131 vendor calls per operation (bench scenario 3 profile, bench/RESULTS.md).
 * The deadline is rarely reached; its timer is cleared as soon as the call ends (`clear`).
 */
import { EventEmitter } from 'node:events';

export class CallDeadline extends EventEmitter {
  aborted = false;
  /** Why the call was aborted: the TimeoutError undici rejects the request with. */
  reason: unknown = undefined;
  /** Set when the bulkhead lets the call through (vendorPolicies.ts). */
  started = false;
  private readonly timer: NodeJS.Timeout;
  private refuseWaiting: (() => void) | undefined;

  constructor(ms: number) {
    super();
    this.timer = setTimeout(() => this.expire(), ms);
  }

  /**
   * `call`, except that when the deadline passes while the call still waits for the bulkhead (it
   * has not `started`), the caller gets `notSent()` at once rather than whenever a connection
   * frees up; the call itself will find the deadline passed and send nothing.
   */
  refuseIfStillWaiting<T>(call: Promise<T>, notSent: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.refuseWaiting = () => reject(notSent());
      call.then(resolve, reject);
    });
  }

  /** Ends the deadline without aborting (the call finished). */
  clear(): void {
    clearTimeout(this.timer);
  }

  /** Resolves after `ms`, or as soon as the deadline passes. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.removeListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.once('abort', done);
    });
  }

  private expire(): void {
    this.aborted = true;
    this.reason = new DOMException('The vendor call ran past its deadline.', 'TimeoutError');
    if (!this.started) this.refuseWaiting?.();
    this.emit('abort');
  }
}
