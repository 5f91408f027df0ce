/**
 * Interleaved latency rounds (bench/latencyRounds.ts): each side's figures are over all its rounds'
 * requests together, and the rounds take the place of that rate's phase in the tables.
 */
import { insertPhase, pooled, roundPlan } from '../../bench/latencyRounds';
import type { PhaseResult, TargetResult } from '../../bench/measure';
import type { PacedResult } from '../../bench/pacedLoad';
import { summarise } from '../../bench/load';

function round(latencies: number[], seconds: number, warmupOperations: number, failures = 0): PacedResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { operations: sorted.length, seconds, throughput: sorted.length / seconds, latencyMs: summarise(sorted), sortedLatencies: sorted, warmupOperations, failures, notSent: 0 };
}

describe('pooled', () => {
  it('takes percentiles over every round\'s requests, not an average of the rounds\' percentiles', () => {
    // 100 requests: 99 fast ones in the first round, one slow one in the second.
    const first = round(Array.from({ length: 99 }, () => 20), 1, 10);
    const second = round([200], 1, 0, 1);
    const phase = pooled(100, 50, [
      { result: first, cpuMs: 150 },
      { result: second, cpuMs: 50 },
    ]);
    expect(phase.operations).toBe(100);
    expect(phase.latencyMs.p50).toBe(20);
    expect(phase.latencyMs.p99).toBe(20);
    expect(phase.latencyMs.max).toBe(200);
    expect(phase.throughput).toBe(50);
    expect(phase.failures).toBe(1);
    // CPU is shared over every request answered, warm-up included: 200 ms / 110.
    expect(phase.cpuMsPerOp).toBeCloseTo(200 / 110);
    expect(phase.rate).toBe(100);
  });
});

describe('insertPhase', () => {
  it('puts the rounds\' phase where its rate comes in the run\'s order of rates', () => {
    const phase = (rate: number) => ({ rate, operations: 10 }) as PhaseResult;
    const target = { rates: [phase(25), phase(400)], operations: 500 } as TargetResult;
    insertPhase(target, phase(100), [25, 100, 400]);
    expect(target.rates.map((p) => p.rate)).toEqual([25, 100, 400]);
    expect(target.operations).toBe(510);
  });
});

describe('roundPlan', () => {
  const show = (plan: Array<{ target: string; settle: boolean }>) => plan.map((s) => `${s.settle ? 'settle ' : ''}${s.target}`);

  it('alternates which target goes first, Keyway first in the first round', () => {
    expect(show(roundPlan('K', 'B', 3, false))).toEqual(['K', 'B', 'B', 'K', 'K', 'B']);
  });

  it('settles each target once before the rounds, the first round\'s first target last, so no round follows the other target\'s saturation phase', () => {
    const plan = roundPlan('K', 'B', 3, true);
    expect(show(plan)).toEqual(['settle B', 'settle K', 'K', 'B', 'B', 'K', 'K', 'B']);
    // The step right before the first measured round is that same target settling.
    const first = plan.findIndex((s) => !s.settle);
    expect(plan[first - 1]).toEqual({ target: plan[first]!.target, settle: true });
  });
});
