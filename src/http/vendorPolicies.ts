/**
 * Per-vendor resilience policies (cockatiel), created once per vendor client:
 *   - a bulkhead: at most `maxConcurrent` calls in flight and `maxQueued` waiting, so one slow
 *     vendor cannot pile up sockets and memory; beyond that, callers fail fast;
 *   - a circuit breaker: after `threshold` consecutive failed calls (unreachable, 5xx, timeouts)
 *     the vendor is not called for `halfOpenAfterMs`, then one probe call decides whether to close.
 * Other vendors have their own policies and are unaffected.
 */
import { BrokenCircuitError, BulkheadRejectedError, ConsecutiveBreaker, bulkhead, circuitBreaker, handleWhen } from 'cockatiel';
import type { VendorName } from '../config';
import { ErrorCode } from '../errors/codes';
import { VendorError } from '../errors/gatewayError';
import { vendorCallsRefused, vendorCircuitOpen } from '../observability/metrics';
import { VENDOR_LABELS } from './vendorLabels';
import type { CallDeadline } from './callDeadline';

/** Rejects a call dequeued after its deadline; nobody sees it (its caller was answered at the deadline). */
const NOT_SENT = new Error('the call waited for a connection past its deadline and was not sent');

export interface PolicySettings {
  maxConcurrent: number;
  maxQueued: number;
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
}

/** Failures that say something about the vendor's health (not about the request). */
const VENDOR_HEALTH_FAILURES: ReadonlySet<string> = new Set([ErrorCode.VENDOR_UNAVAILABLE, ErrorCode.VENDOR_TIMEOUT, ErrorCode.VENDOR_OUTCOME_UNKNOWN]);

export function isVendorHealthFailure(error: unknown): boolean {
  return error instanceof VendorError && VENDOR_HEALTH_FAILURES.has(error.code);
}

export interface VendorPolicies {
  /**
   * Runs `call` under the policies, turning their rejections into VendorErrors. A call that has to
   * wait for the bulkhead is refused when its `deadline` passes before it starts (nothing sent).
   */
  execute<T>(call: () => Promise<T>, deadline: CallDeadline): Promise<T>;
}

export function createVendorPolicies(vendor: VendorName, settings: PolicySettings): VendorPolicies {
  const label = VENDOR_LABELS[vendor];
  const limiter = bulkhead(settings.maxConcurrent, settings.maxQueued);
  const breaker = circuitBreaker(handleWhen(isVendorHealthFailure), {
    halfOpenAfter: settings.breakerHalfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerThreshold),
  });
  breaker.onBreak(() => vendorCircuitOpen.set({ vendor }, 1));
  breaker.onReset(() => vendorCircuitOpen.set({ vendor }, 0));
  vendorCircuitOpen.set({ vendor }, 0);
  /** The policies' refusals as the gateway's errors; anything else passes through. */
  const explainRefusal = (error: unknown, deadline: CallDeadline): never => {
    // A refused call never started, so nothing else would end its deadline's timer (clearing it
    // again after a call that did start is harmless).
    deadline.clear();
    if (error instanceof BrokenCircuitError) {
      vendorCallsRefused.inc({ vendor, reason: 'circuit_open' });
      throw new VendorError(vendor, ErrorCode.VENDOR_UNAVAILABLE, `${label} has been failing, so the gateway is not calling it for a short while; try again later.`, { retryable: true, circuitOpen: true });
    }
    if (error instanceof BulkheadRejectedError) {
      vendorCallsRefused.inc({ vendor, reason: 'bulkhead_full' });
      throw new VendorError(vendor, ErrorCode.VENDOR_UNAVAILABLE, `${label} is answering slowly and too many calls are waiting for it; try again later.`, { retryable: true });
    }
    throw error;
  };
  const waitedPastDeadline = (): VendorError => {
    vendorCallsRefused.inc({ vendor, reason: 'deadline_while_queued' });
    return new VendorError(
      vendor,
      ErrorCode.VENDOR_UNAVAILABLE,
      `${label} is answering slowly: this call waited for a free connection until its deadline and was not sent. Try again later.`,
      { retryable: true },
    );
  };
  /** What the bulkhead lets through: the call, unless its deadline passed while it waited. */
  const start = <T>(call: () => Promise<T>, deadline: CallDeadline): Promise<T> => {
    deadline.started = true;
    // Its caller has been refused already (refuseIfStillWaiting): nothing is sent, and the breaker
    // is not told (the vendor did nothing wrong; the calls ahead were slow, and they count).
    if (deadline.aborted) return Promise.reject(NOT_SENT);
    return breaker.execute(call);
  };
  return {
    // The call goes through the bulkhead, then the breaker. They are called directly rather than
    // through cockatiel's wrap(), and without an async wrapper here: each layer of promises per
    // vendor call shows on the card page, which makes 131 calls (bench/RESULTS.md, ninth round).
    execute<T>(call: () => Promise<T>, deadline: CallDeadline): Promise<T> {
      // Read before execute(): a free slot means the call starts now, so only a call that will
      // queue needs watching (and the extra promise).
      const willWait = limiter.executionSlots === 0;
      const run = limiter.execute(() => start(call, deadline)).catch((error: unknown) => explainRefusal(error, deadline));
      return willWait ? deadline.refuseIfStillWaiting(run, waitedPastDeadline) : run;
    },
  };
}
