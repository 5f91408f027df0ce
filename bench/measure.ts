/**
 * Measures one scenario against one target (Keyway or the baseline): warm-up, vendor requests per
 * operation, latency at fixed rates, saturation, CPU time per operation and resident memory.
 */
import { cpuTimeMs, residentMb } from './procStats';
import { runLoad, type LatencySummary, type LoadResult } from './load';
import { runPaced } from './pacedLoad';
import type { Scenario } from './scenarios';
import type { BenchSettings } from './settings';
import type { VendorCounts } from './vendorCounts';

export interface Target {
  name: 'keyway' | 'baseline';
  url: string;
  pid: number;
}

export interface PhaseResult {
  /** Requested rate (requests/s); null for saturation. */
  rate: number | null;
  connections: number;
  operations: number;
  throughput: number;
  latencyMs: LatencySummary;
  failures: number;
  /** CPU time of the target process per completed operation, in ms. */
  cpuMsPerOp: number;
}

export interface TargetResult {
  target: Target['name'];
  /** Vendor requests per operation, per vendor, and per vendor route. */
  vendorRequestsPerOp: Record<string, number>;
  vendorRoutesPerOp: Record<string, Record<string, number>>;
  /** Vendor requests of the whole measurement, per route (logins per run are read here). */
  vendorRoutesTotal: Record<string, Record<string, number>>;
  measuredSeconds: number;
  rates: PhaseResult[];
  saturation: PhaseResult;
  rssMbAfterWarmup: number;
  rssMbAfterRun: number;
  operations: number;
}

export interface Counter {
  snapshot(): Promise<VendorCounts>;
}

export async function measureTarget(
  scenario: Scenario,
  target: Target,
  settings: BenchSettings,
  sequence: { next: number },
  counter: Counter,
  /** Rates measured elsewhere (interleaved rounds, bench/latencyRounds.ts): no phase here. */
  skipRates: number[] = [],
): Promise<TargetResult> {
  const started = performance.now();
  const atStart = await counter.snapshot();
  let operations = 0;
  const load = async (options: { amount?: number; duration?: number; rate?: number; connections: number }): Promise<LoadResult> => {
    const result = await runLoad({ url: target.url, scenario, sequence, ...options });
    operations += result.operations;
    return result;
  };

  await load({ amount: settings.warmupOps, connections: Math.max(1, Math.min(10, settings.warmupOps)) });
  const rssMbAfterWarmup = residentMb(target.pid);

  const beforeCount = await counter.snapshot();
  const counted = await load({ amount: settings.countOps, connections: Math.max(1, Math.min(10, settings.countOps)) });
  const countDelta = difference(await counter.snapshot(), beforeCount);
  const perOp = (n: number) => n / Math.max(1, counted.operations);

  const phase = async (rate: number | null): Promise<PhaseResult> => {
    const connections = rate === null ? settings.saturationConnections : settings.rateConnections;
    const cpuBefore = cpuTimeMs(target.pid);
    const paced =
      rate === null ? undefined : await runPaced({ url: target.url, scenario, sequence, rate, durationSeconds: settings.durationSeconds, warmupSeconds: settings.rateWarmupSeconds, connections });
    const result = paced ?? (await load({ duration: settings.durationSeconds, connections }));
    const warmupOperations = paced?.warmupOperations ?? 0;
    if (rate !== null) operations += result.operations + warmupOperations;
    // Requests the load generator gave up on at the end are still being answered: count their cost too.
    await settle(target.pid);
    const cpu = cpuTimeMs(target.pid) - cpuBefore;
    return {
      rate,
      connections,
      operations: result.operations,
      throughput: result.throughput,
      latencyMs: result.latencyMs,
      failures: result.failures,
      // CPU time covers the phase's warm-up requests too.
      cpuMsPerOp: cpu / Math.max(1, result.operations + warmupOperations),
    };
  };
  const rates: PhaseResult[] = [];
  for (const rate of settings.rates) if (!skipRates.includes(rate)) rates.push(await phase(rate));
  const saturation = await phase(null);

  const total = difference(await counter.snapshot(), atStart);
  return {
    target: target.name,
    vendorRequestsPerOp: Object.fromEntries(Object.entries(countDelta).map(([vendor, count]) => [vendor, perOp(count.total)])),
    vendorRoutesPerOp: Object.fromEntries(
      Object.entries(countDelta).map(([vendor, count]) => [vendor, Object.fromEntries(Object.entries(count.byRoute).map(([route, n]) => [route, perOp(n)]))]),
    ),
    vendorRoutesTotal: Object.fromEntries(Object.entries(total).map(([vendor, count]) => [vendor, count.byRoute])),
    measuredSeconds: (performance.now() - started) / 1000,
    rates,
    saturation,
    rssMbAfterWarmup,
    rssMbAfterRun: residentMb(target.pid),
    operations,
  };
}

/** Waits until the target process is idle (under 2 ms CPU per 100 ms), at most 5 s. */
export async function settle(pid: number): Promise<void> {
  for (let i = 0, last = cpuTimeMs(pid); i < 50; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuTimeMs(pid);
    if (now - last < 2) return;
    last = now;
  }
}

/** Counts received between two snapshots (vendors and routes with none are left out). */
export function difference(after: VendorCounts, before: VendorCounts): VendorCounts {
  const result: VendorCounts = {};
  for (const [vendor, count] of Object.entries(after)) {
    const earlier = before[vendor];
    const byRoute: Record<string, number> = {};
    for (const [route, n] of Object.entries(count.byRoute)) {
      const delta = n - (earlier?.byRoute[route] ?? 0);
      if (delta > 0) byRoute[route] = delta;
    }
    const total = count.total - (earlier?.total ?? 0);
    if (total > 0) result[vendor] = { total, byRoute };
  }
  return result;
}
