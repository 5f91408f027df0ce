/**
 * One closed-loop load phase with autocannon (warm-up, counting, saturation; fixed rates are
 * paced by pacedLoad.ts). It runs in the orchestrator, so the load generator never shares an
 * event loop with what it measures. Latencies are collected from autocannon's per-response
 * event in fractional milliseconds (its own histogram keeps whole milliseconds only, too coarse
 * for a gateway that should add about one).
 */
import autocannon from 'autocannon';
import { requestBody, type Scenario } from './scenarios';

export interface LoadOptions {
  url: string;
  /** One scenario, or several sent in turn (the memory soak's mix). */
  scenario: Scenario | Scenario[];
  /** Next sequence number for per-request variables (shared by all phases of a run). */
  sequence: { next: number };
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  amount?: number;
  /** Requests per second over all connections; none: as fast as the target answers (saturation). */
  rate?: number;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  operations: number;
  seconds: number;
  /** Completed operations per second. */
  throughput: number;
  latencyMs: LatencySummary;
  /** Non-2xx answers, transport errors, timeouts and answers that are not a complete success. */
  failures: number;
  /** Fixed-rate phases: requests not sent because the target fell too far behind. */
  notSent?: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { sequence } = options;
  const mix = Array.isArray(options.scenario) ? options.scenario : [options.scenario];
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    ...(options.rate !== undefined ? { overallRate: options.rate } : {}),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const seq = sequence.next++;
          return { ...request, body: requestBody(mix[seq % mix.length]!, seq) };
        },
      },
    ],
    // In a mix the answer's scenario is unknown: then a complete success without errors is checked.
    verifyBody: mix.length === 1 ? (body) => mix[0]!.isSuccess(body) : (body) => body.startsWith('{"data":') && !body.includes('"errors":'),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const started = performance.now();
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const operations = latencies.length;
  return {
    operations,
    seconds,
    throughput: operations / seconds,
    latencyMs: summarise(latencies),
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
  };
}

export function summarise(sorted: number[]): LatencySummary {
  if (sorted.length === 0) return { p50: NaN, p90: NaN, p99: NaN, mean: NaN, max: NaN };
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    max: sorted[sorted.length - 1]!,
  };
}
