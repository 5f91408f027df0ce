/**
 * Latency of Keyway and of the baseline at the rate the latency targets name (100 req/s), measured
 * in interleaved rounds.
 *
 * Why not one phase each, like the other rates: measureTarget runs all of Keyway's phases and then
 * all of the baseline's, so the two 100 req/s phases ran minutes apart, in different states of
 * this shared 2-core machine, of the simulators and of each process's heap, and their p99 (the 10th
 * slowest of 1,000 requests) moved by tens of ms between runs. Here the two take turns at the rate
 * (the one going first alternates), each round with its own unrecorded warm-up at the rate
 * (bench/pacedLoad.ts), and each side's figures are taken over all its rounds' requests together:
 * drift of the machine falls on both sides alike, and a p99 over 3,000 requests is steadier than
 * one over 1,000. The rounds stand in for that rate's phase in the tables; every round's own
 * figures are kept in the report.
 *
 * Before the first round, each target runs at the rate unmeasured for `latencySettleSeconds` (the
 * one measured first settles last, right before its round). Why: the rounds follow the baseline's
 * saturation phase, and whichever target went straight in paid for the recovery from it (the
 * simulators', and its own after a saturation phase and an idle wait): Keyway's first round was the
 * worst of the three in five of six full runs (p99 +10 to +21 ms over the baseline, the other rounds
 * -8 to +13), and in a scratch run after saturation phases its first seconds measured p50 128-234 ms
 * for ~6 s where the baseline, taken first, paid ~1 s (bench/RESULTS.md, eleventh round). The rounds
 * measure 100 req/s in a steady state; the settling seconds' figures are kept in the report as what
 * the first seconds after the saturation phases cost.
 */
import { cpuTimeMs } from './procStats';
import { summarise, type LatencySummary } from './load';
import { settle, type PhaseResult, type Target, type TargetResult } from './measure';
import { runPaced, type PacedResult } from './pacedLoad';
import type { Scenario } from './scenarios';
import type { BenchSettings } from './settings';

export interface LatencyRounds {
  rate: number;
  /** Measured seconds of each round (after its warm-up). */
  seconds: number;
  /** Each round's figures, in order. */
  keywayRounds: LatencySummary[];
  baselineRounds: LatencySummary[];
  /** All rounds together: what the tables show at `rate` and what the targets are checked against. */
  keyway: PhaseResult;
  baseline: PhaseResult;
  /** The unmeasured seconds at the rate before the first round (0: none), and what each target answered in them. */
  settle: { seconds: number; keyway?: LatencySummary; baseline?: LatencySummary };
}

export type RoundStep<T> = { target: T; settle: boolean };

/**
 * The order of the rounds: the one going first alternates, Keyway first in the first round. With
 * settling, each target first runs once unmeasured, the first round's first target last.
 */
export function roundPlan<T>(keyway: T, baseline: T, rounds: number, settle: boolean): Array<RoundStep<T>> {
  const plan: Array<RoundStep<T>> = settle ? [{ target: baseline, settle: true }, { target: keyway, settle: true }] : [];
  for (let i = 0; i < rounds; i += 1) {
    const [first, second] = i % 2 === 0 ? [keyway, baseline] : [baseline, keyway];
    plan.push({ target: first, settle: false }, { target: second, settle: false });
  }
  return plan;
}

export async function measureLatencyRounds(scenario: Scenario, keyway: Target, baseline: Target, settings: BenchSettings, sequence: { next: number }): Promise<LatencyRounds> {
  const rate = settings.latencyRoundRate;
  const rounds: Record<'keyway' | 'baseline', Array<{ result: PacedResult; cpuMs: number }>> = { keyway: [], baseline: [] };
  const settled: LatencyRounds['settle'] = { seconds: settings.latencySettleSeconds };
  const run = (target: Target, seconds: number, warmupSeconds: number) =>
    runPaced({ url: target.url, scenario, sequence, rate, durationSeconds: seconds, warmupSeconds, connections: settings.rateConnections });
  for (const step of roundPlan(keyway, baseline, settings.latencyRounds, settings.latencySettleSeconds > 0)) {
    const target = step.target;
    if (step.settle) {
      settled[target.name] = (await run(target, settings.latencySettleSeconds, 0)).latencyMs;
      continue;
    }
    await settle(target.pid);
    const before = cpuTimeMs(target.pid);
    const result = await run(target, settings.durationSeconds, settings.rateWarmupSeconds);
    await settle(target.pid);
    rounds[target.name].push({ result, cpuMs: cpuTimeMs(target.pid) - before });
  }
  return {
    settle: settled,
    rate,
    seconds: settings.durationSeconds,
    keywayRounds: rounds.keyway.map((r) => r.result.latencyMs),
    baselineRounds: rounds.baseline.map((r) => r.result.latencyMs),
    keyway: pooled(rate, settings.rateConnections, rounds.keyway),
    baseline: pooled(rate, settings.rateConnections, rounds.baseline),
  };
}

/** The rounds of one target as one phase: latencies over all their requests, throughput and CPU over all their measured time. */
export function pooled(rate: number, connections: number, rounds: Array<{ result: PacedResult; cpuMs: number }>): PhaseResult {
  const latencies = rounds.flatMap((r) => r.result.sortedLatencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, r) => sum + r.result.seconds, 0);
  const operations = rounds.reduce((sum, r) => sum + r.result.operations, 0);
  // CPU is read around the whole round (warm-up included), so it is shared over all the round's requests.
  const cpuMs = rounds.reduce((sum, r) => sum + r.cpuMs, 0);
  const sent = rounds.reduce((sum, r) => sum + r.result.operations + r.result.warmupOperations, 0);
  return {
    rate,
    connections,
    operations,
    throughput: operations / Math.max(0.001, seconds),
    latencyMs: summarise(latencies),
    failures: rounds.reduce((sum, r) => sum + r.result.failures, 0),
    cpuMsPerOp: cpuMs / Math.max(1, sent),
  };
}

/** Puts the rounds' phase among the target's fixed-rate phases, in the order of `rates`, and counts its operations. */
export function insertPhase(target: TargetResult, phase: PhaseResult, rates: number[]): void {
  target.operations += phase.operations;
  target.rates.push(phase);
  target.rates.sort((a, b) => rates.indexOf(a.rate!) - rates.indexOf(b.rate!));
}
