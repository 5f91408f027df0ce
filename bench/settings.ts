/**
 * The benchmark's settings: a full run by default, a few seconds with `--smoke` (or BENCH_SMOKE=1)
 * for CI. Every number can be overridden on the command line, e.g.
 *   npm run bench -- --scenarios 1,2,5 --rates 100,400 --duration 20 --soak-ops 100000
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioId } from './scenarios';

export interface BenchSettings {
  smoke: boolean;
  /** Scenario numbers to run (1-5). */
  scenarios: number[];
  /** Latency each simulator adds to every vendor request, in ms. */
  latencyMs: number;
  /** Fixed request rates (requests/s) at which latency is measured. */
  rates: number[];
  /** Seconds of each fixed-rate and saturation phase. */
  durationSeconds: number;
  /** Seconds each fixed-rate phase runs at its rate before it is measured (bench/pacedLoad.ts). */
  rateWarmupSeconds: number;
  /** Client connections for fixed-rate phases and for saturation. */
  rateConnections: number;
  saturationConnections: number;
  /**
   * Interleaved rounds per target at `latencyRoundRate` (bench/latencyRounds.ts), which stand in for
   * that rate's phase wherever there is a baseline; 0: a phase per target like the other rates.
   */
  latencyRounds: number;
  latencyRoundRate: number;
  /** Seconds each target runs at `latencyRoundRate`, unmeasured, before the first round (0: none). */
  latencySettleSeconds: number;
  /** Interleaved saturation rounds per target for the CPU-per-operation ratio (bench/cpuRounds.ts), and seconds of each. */
  cpuRounds: number;
  cpuRoundSeconds: number;
  /** Operations before measuring, and operations whose vendor requests are counted. */
  warmupOps: number;
  countOps: number;
  /** Operations of the memory soak (RSS is read after a tenth of them and at the end); 0 skips it. */
  soakOps: number;
  /** Scenarios the soak sends in turn (on a gateway of its own, started fresh). */
  soakScenarios: ScenarioId[];
  /**
   * Keep-alive connections per vendor, for the gateway (VENDOR_CONNECTIONS) and the baseline alike.
   * 256: with 20 ms per vendor request a pool answers at most connections / 20 ms requests per
   * second, and scenario 3 at 100 operations/s needs 8,100 CardExchange requests/s (128 capped it
   * at ~6,400/s, i.e. ~70 operations/s, whatever the CPU).
   */
  vendorConnections: number;
  /** Directory for `<date>.json`; RESULTS.md is updated only by full runs into bench/results. */
  outDir: string;
  /** Write V8 CPU profiles of the gateway, the baseline and the simulators into this directory. */
  cpuProfileDir?: string;
  /** Skip the baseline (e.g. while profiling). */
  baseline: boolean;
  /** Run the gateway from src/index.ts through tsx instead of the compiled build (development only). */
  gatewayFromSource: boolean;
  /** Extra environment for the gateway processes, for experiments: `--gateway-env GRAPHQL_JIT=false,NODE_OPTIONS=--max-semi-space-size=4`. */
  gatewayEnv: Record<string, string>;
  /** Node flags for the gateway instead of those it ships with (package.json start:prod): `--gateway-node-flags=--max-semi-space-size=16` (several: quoted, space-separated; none: `--gateway-node-flags=`). */
  gatewayNodeFlags?: string[];
}

export function readSettings(argv: string[], env: Record<string, string | undefined>, defaultOutDir: string): BenchSettings {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    // Split at the first '=' only: a value may hold one (--gateway-node-flags=--max-semi-space-size=16).
    const at = arg.indexOf('=');
    const name = at < 0 ? arg.slice(2) : arg.slice(2, at);
    const inline = at < 0 ? undefined : arg.slice(at + 1);
    if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(name, argv[++i]!);
    else flags.set(name, 'true');
  }
  const known = ['smoke', 'scenarios', 'latency-ms', 'rates', 'duration', 'rate-warmup', 'rate-connections', 'saturation-connections', 'latency-rounds', 'latency-round-rate', 'latency-settle', 'cpu-rounds', 'cpu-round-seconds', 'warmup-ops', 'count-ops', 'soak-ops', 'soak-scenarios', 'vendor-connections', 'out', 'cpu-prof', 'no-baseline', 'gateway-from-source', 'gateway-env', 'gateway-node-flags'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name} (known: ${known.map((k) => `--${k}`).join(' ')})`);

  const smoke = flags.has('smoke') || env.BENCH_SMOKE === '1' || env.BENCH_SMOKE === 'true';
  const number = (name: string, full: number, quick: number) => {
    const raw = flags.get(name);
    const value = raw === undefined ? (smoke ? quick : full) : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number of 0 or more`);
    return value;
  };
  const list = (name: string, full: number[], quick: number[]) => {
    const raw = flags.get(name);
    return raw === undefined ? (smoke ? quick : full) : raw.split(',').map((part) => Number(part.trim()));
  };
  const scenarios = list('scenarios', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
  if (scenarios.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) throw new Error('--scenarios takes numbers from 1 to 5');
  return {
    smoke,
    scenarios,
    latencyMs: number('latency-ms', 20, 5),
    rates: list('rates', [25, 100, 400], [20]),
    durationSeconds: number('duration', 10, 0.5),
    rateWarmupSeconds: number('rate-warmup', 2, 0.2),
    rateConnections: number('rate-connections', 100, 4),
    saturationConnections: number('saturation-connections', 50, 2),
    latencyRounds: Math.round(number('latency-rounds', 3, 1)),
    latencyRoundRate: number('latency-round-rate', 100, 20),
    latencySettleSeconds: number('latency-settle', 8, 0.2),
    cpuRounds: Math.max(1, Math.round(number('cpu-rounds', 6, 1))),
    cpuRoundSeconds: number('cpu-round-seconds', 3, 0.5),
    warmupOps: number('warmup-ops', 500, 10),
    countOps: number('count-ops', 200, 10),
    soakOps: number('soak-ops', 100_000, 200),
    soakScenarios: (flags.get('soak-scenarios')?.split(',') as ScenarioId[] | undefined) ?? ['person', 'peoplePage', 'identifierWrite'],
    vendorConnections: number('vendor-connections', 256, 32),
    outDir: flags.get('out') ?? defaultOutDir,
    cpuProfileDir: flags.get('cpu-prof') === 'true' ? join(tmpdir(), 'keyway-cpu-profiles') : flags.get('cpu-prof'),
    baseline: !flags.has('no-baseline'),
    gatewayFromSource: flags.has('gateway-from-source'),
    gatewayEnv: parseEnvList(flags.get('gateway-env')),
    gatewayNodeFlags: flags.get('gateway-node-flags')?.trim().split(/\s+/).filter(Boolean),
  };
}

function parseEnvList(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  return Object.fromEntries(
    raw.split(',').map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`--gateway-env takes NAME=value pairs separated by commas; got ${pair}`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1)];
    }),
  );
}
