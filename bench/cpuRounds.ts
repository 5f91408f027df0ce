/**
 * CPU per operation of Keyway against the baseline, measured in interleaved rounds.
 *
 * Why not just compare the two saturation phases: they run a minute apart on a shared 2-core
 * machine, and one 10 s phase each swung the scenario-2 ratio between 1.15 and 1.59 on runs minutes
 * apart (other processes, GC state, turbo). Here the two targets take turns at saturation for short
 * rounds (the one going first alternates) after one unrecorded round each, and the reported ratio is
 * the median of the rounds' ratios, so slow drift of the machine affects both sides of each ratio alike.
 */
import { cpuTimeMs } from './procStats';
import { runLoad } from './load';
import { settle, type Target } from './measure';
import type { Scenario } from './scenarios';
import type { BenchSettings } from './settings';

export interface CpuRounds {
  seconds: number;
  /** CPU ms per operation of each round, in order. */
  keywayMsPerOp: number[];
  baselineMsPerOp: number[];
  /** keyway / baseline of each round. */
  ratios: number[];
  /** Median of `ratios`: the figure the target is checked against. */
  ratio: number;
}

export async function measureCpuRounds(scenario: Scenario, keyway: Target, baseline: Target, settings: BenchSettings, sequence: { next: number }): Promise<CpuRounds> {
  const round = async (target: Target): Promise<number> => {
    await settle(target.pid);
    const before = cpuTimeMs(target.pid);
    const result = await runLoad({ url: target.url, scenario, sequence, connections: settings.saturationConnections, duration: settings.cpuRoundSeconds });
    await settle(target.pid);
    return (cpuTimeMs(target.pid) - before) / Math.max(1, result.operations);
  };
  // One unrecorded round each first: Keyway's first round, after a minute idle while the baseline
  // was measured, came out well above the rest in every scenario (scenario 1: ratio 5.09 against
  // 2.3-3.3 in the run of 2026-11-22 22:49), a warm-up effect rather than a cost per operation.
  await round(keyway);
  await round(baseline);
  const keywayMsPerOp: number[] = [];
  const baselineMsPerOp: number[] = [];
  for (let i = 0; i < settings.cpuRounds; i += 1) {
    if (i % 2 === 0) {
      keywayMsPerOp.push(await round(keyway));
      baselineMsPerOp.push(await round(baseline));
    } else {
      baselineMsPerOp.push(await round(baseline));
      keywayMsPerOp.push(await round(keyway));
    }
  }
  const ratios = keywayMsPerOp.map((k, i) => k / baselineMsPerOp[i]!);
  return { seconds: settings.cpuRoundSeconds, keywayMsPerOp, baselineMsPerOp, ratios, ratio: median(ratios) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
