/**
 * Load at a fixed request rate, evenly paced (an open model: a request is sent every 1/rate s
 * whether or not earlier ones have been answered). autocannon's own rate limit is not used for
 * this: it lets every connection send its whole quota for a second at once at the start of that
 * second, so 100 req/s over 100 connections arrives as a burst of 100 simultaneous requests, and
 * the latency measured is that of the burst's queue, not of the gateway at 100 req/s.
 *
 * Latency runs from the moment a request is due, so a target that falls behind (requests waiting
 * for a free connection) is charged for the wait.
 *
 * The first `warmupSeconds` run at the same rate but are not recorded: the figures are those of the
 * target in a steady state at this rate. Why: when a rate starts (after another target's phase or
 * a lower rate), the target's vendor pools have closed their idle connections or have too few for
 * this rate, and the simulators and the target's heap have to grow back; the first ~0.4 s of a phase
 * measured 100-250 ms at p99 for Keyway and the baseline alike where the rest measured 80-90 ms, which
 * alone moved a 10 s phase's p99 by tens of ms (bench/RESULTS.md, tenth round). A failure in the
 * warm-up still counts, and a target that falls behind within its warm-up is reported from the start.
 */
import { Pool } from 'undici';
import { requestBody, type Scenario } from './scenarios';
import type { LoadResult } from './load';
import { summarise } from './load';

export interface PacedOptions {
  url: string;
  scenario: Scenario;
  sequence: { next: number };
  rate: number;
  durationSeconds: number;
  /** Most requests in flight at once (client connections). */
  connections: number;
  /** Seconds at the same rate before the measured `durationSeconds`, sent but not recorded (default 0). */
  warmupSeconds?: number;
}

export interface PacedResult extends LoadResult {
  /** The recorded latencies, ascending (interleaved rounds pool them: bench/latencyRounds.ts). */
  sortedLatencies: number[];
  /** Requests answered in the warm-up, not recorded (their CPU time is in the phase's). */
  warmupOperations: number;
}

export async function runPaced(options: PacedOptions): Promise<PacedResult> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const warmup = Math.round(options.rate * (options.warmupSeconds ?? 0));
  const total = warmup + Math.max(1, Math.round(options.rate * options.durationSeconds));
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  const warmupLatencies: number[] = [];
  let failures = 0;
  let pending = 0;
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();

  const send = (due: number, recorded: boolean) => {
    const body = requestBody(options.scenario, options.sequence.next++);
    pending += 1;
    sent += 1;
    return pool
      .request({ method: 'POST', path: target.pathname, headers: { 'content-type': 'application/json', accept: 'application/json' }, body })
      .then(async (response) => {
        const text = await response.body.text();
        (recorded ? latencies : warmupLatencies).push(performance.now() - due);
        if (response.statusCode !== 200 || !options.scenario.isSuccess(text)) failures += 1;
      })
      .catch(() => {
        failures += 1;
      })
      .finally(() => {
        pending -= 1;
      });
  };

  for (let i = 0; i < total; ) {
    // The target cannot keep up: every connection is busy and as many requests again wait. Stop
    // here; the phase reports the rate actually reached rather than a queue growing without end.
    if (pending > options.connections * 2) break;
    const now = performance.now();
    // Send everything that is due (a late timer sends several at once, each timed from its due moment).
    while (i < total && started + i * intervalMs <= now) {
      inFlight.push(send(started + i * intervalMs, i >= warmup));
      i += 1;
    }
    if (i < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + i * intervalMs - performance.now())));
  }
  await Promise.all(inFlight);
  const ended = performance.now();
  await pool.close();
  // A target that fell behind before the measured seconds began never reached a steady state at
  // this rate: report what it did from the start (the rate reached, and how slow it got).
  const stoppedInWarmup = sent <= warmup;
  const recorded = stoppedInWarmup ? warmupLatencies : latencies;
  const seconds = Math.max(0.001, (ended - (stoppedInWarmup ? started : started + warmup * intervalMs)) / 1000);
  recorded.sort((a, b) => a - b);
  return { operations: recorded.length, seconds, throughput: recorded.length / seconds, latencyMs: summarise(recorded), sortedLatencies: recorded, warmupOperations: stoppedInWarmup ? 0 : warmupLatencies.length, failures, notSent: total - sent };
}
