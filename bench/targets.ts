/**
 * The targets, checked against a run's figures. They are recorded, not enforced: a run
 * that misses one still completes and says so.
 */
import { median, type CpuRounds } from './cpuRounds';
import type { LatencyRounds } from './latencyRounds';
import type { TargetResult } from './measure';
import type { ScenarioId } from './scenarios';

export interface ScenarioResult {
  id: ScenarioId;
  number: number;
  title: string;
  /** Keyway's answer equals the baseline's (checked once before measuring). */
  baselineAnswerMatches: boolean | null;
  baselineAnswerDifference?: string;
  keyway: TargetResult;
  baseline?: TargetResult;
  /** CPU per operation in interleaved rounds (bench/cpuRounds.ts); absent without a baseline. */
  cpuRounds?: CpuRounds;
  /** Latency at 100 req/s in interleaved rounds (bench/latencyRounds.ts), also in both targets' `rates`. */
  latencyRounds?: LatencyRounds;
}

export interface SoakResult {
  scenarios: ScenarioId[];
  operations: number;
  checkpointOperations: number;
  /** Resident memory as it is at that moment: it moves with when V8 last collected. */
  rssMbAtCheckpoint: number;
  rssMbAtEnd: number;
  /** Growth of `rssMb*`, for the record; the growth target reads memory after full collections. */
  growthPercent: number;
  /** After two full garbage collections (bench/heapProbe.js): growth here would be a leak. */
  heapUsedMbAfterGcAtCheckpoint: number;
  heapUsedMbAfterGcAtEnd: number;
  rssMbAfterGcAtCheckpoint: number;
  rssMbAfterGcAtEnd: number;
  throughput: number;
  failures: number;
}

export interface TargetCheck {
  target: string;
  met: boolean;
  measured: string;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

const growth = (from: number, to: number) => ((to - from) / from) * 100;
const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${fmt(percent, 1)}`;

export function checkTargets(results: ScenarioResult[], soak: SoakResult | undefined, tokenLifetimeSeconds: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const byNumber = (n: number) => results.find((r) => r.number === n);
  const cx = (t: TargetResult) => t.vendorRequestsPerOp.cardexchange ?? 0;
  const route = (t: TargetResult, vendor: string, match: RegExp) =>
    Object.entries(t.vendorRoutesPerOp[vendor] ?? {}).reduce((sum, [key, n]) => (match.test(key) ? sum + n : sum), 0);
  const logins = (t: TargetResult) => t.vendorRoutesTotal.aktion?.['POST /api/login'] ?? 0;
  const loginsAllowed = (t: TargetResult) => Math.ceil(t.measuredSeconds / tokenLifetimeSeconds) + 1;

  for (const n of [1, 2]) {
    const r = byNumber(n);
    if (r) checks.push({ target: `(${n}) 1 CardExchange request per operation`, met: Math.abs(cx(r.keyway) - 1) < 1e-9, measured: fmt(cx(r.keyway)) });
  }
  const s3 = byNumber(3);
  if (s3) {
    const minimum = s3.baseline ? cx(s3.baseline) : NaN;
    checks.push({
      target: '(3) CardExchange requests per operation: the minimum the API allows (the hand-written baseline\'s count)',
      met: cx(s3.keyway) <= minimum + 1e-9,
      measured: `${fmt(cx(s3.keyway))} (baseline ${fmt(minimum)}; the issue's "1" is not reachable, see RESULTS.md)`,
    });
    const lookups = route(s3.keyway, 'aktion', /identifier\/get$/);
    const distinct = s3.baseline ? route(s3.baseline, 'aktion', /identifier\/get$/) : NaN;
    checks.push({ target: '(3) at most one Aktion lookup per distinct chip serial number', met: lookups <= distinct + 1e-9, measured: `${fmt(lookups)} per operation (distinct serials: ${fmt(distinct)})` });
    checks.push({ target: '(3) at most one Aktion login per token lifetime', met: logins(s3.keyway) <= loginsAllowed(s3.keyway), measured: `${logins(s3.keyway)} logins in ${fmt(s3.keyway.measuredSeconds, 0)} s` });
  }
  const s4 = byNumber(4);
  if (s4) {
    const writes = route(s4.keyway, 'aktion', /identifier\/(create|update)$/);
    const otherRaw = (s4.keyway.vendorRequestsPerOp.aktion ?? 0) - writes - route(s4.keyway, 'aktion', /login$/);
    // A login inside the counting window leaves a rounding residue (2.005 - 2 - 0.005), shown as "-0.00".
    const other = Math.abs(otherRaw) < 1e-9 ? 0 : otherRaw;
    checks.push({ target: '(4) the two writes and nothing else', met: Math.abs(writes - 2) < 1e-9 && other < 1e-9 && cx(s4.keyway) === 0, measured: `${fmt(writes)} writes + ${fmt(other)} other per operation` });
    checks.push({ target: '(4) at most one login per token lifetime', met: logins(s4.keyway) <= loginsAllowed(s4.keyway), measured: `${logins(s4.keyway)} logins in ${fmt(s4.keyway.measuredSeconds, 0)} s` });
  }
  for (const n of [1, 2, 3]) {
    const r = byNumber(n);
    const at100 = r?.keyway.rates.find((p) => p.rate === 100);
    const base100 = r?.baseline?.rates.find((p) => p.rate === 100);
    if (!r || !at100 || !base100) continue;
    if (at100.throughput < 95 || base100.throughput < 95) {
      checks.push({
        target: `(${n}) added latency at 100 req/s: p50 <= 2 ms, p99 <= 10 ms`,
        met: false,
        measured: `100 req/s not reached on this machine (Keyway ${fmt(at100.throughput, 0)}/s, baseline ${fmt(base100.throughput, 0)}/s)`,
      });
      // The same check at the highest rate both sustain, so the overhead is still on record.
      const reached = r.keyway.rates
        .filter((p) => p.rate !== null && p.throughput >= p.rate * 0.95)
        .map((p) => ({ k: p, b: r.baseline!.rates.find((q) => q.rate === p.rate) }))
        .filter((x) => x.b && x.b.throughput >= x.k.rate! * 0.95)
        .pop();
      if (reached) {
        const p50 = reached.k.latencyMs.p50 - reached.b!.latencyMs.p50;
        const p99 = reached.k.latencyMs.p99 - reached.b!.latencyMs.p99;
        checks.push({ target: `(${n}) added latency at ${reached.k.rate} req/s instead: p50 <= 2 ms, p99 <= 10 ms`, met: p50 <= 2 && p99 <= 10, measured: `p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms` });
      }
      continue;
    }
    const p50 = at100.latencyMs.p50 - base100.latencyMs.p50;
    const p99 = at100.latencyMs.p99 - base100.latencyMs.p99;
    const rounds = r.latencyRounds?.rate === 100 ? r.latencyRounds : undefined;
    const perRound = (pick: (l: { p50: number; p99: number }) => number) =>
      rounds ? `; over the requests of ${rounds.keywayRounds.length} interleaved rounds each (per round: ${rounds.keywayRounds.map((k, i) => fmt(pick(k) - pick(rounds.baselineRounds[i]!), 1)).join(', ')})` : '';
    checks.push({ target: `(${n}) added latency at 100 req/s: p50 <= 2 ms`, met: p50 <= 2, measured: `${fmt(p50)} ms${perRound((l) => l.p50)}` });
    // What the unmeasured seconds before the rounds answered (first seconds after the saturation phases): shown, not checked.
    const settled = rounds?.settle?.keyway && rounds.settle.baseline ? rounds.settle : undefined;
    const settling = settled ? `; in the ${settled.seconds} s settling at the rate before them, unmeasured: Keyway p50/p99 ${fmt(settled.keyway!.p50, 0)}/${fmt(settled.keyway!.p99, 0)} ms, baseline ${fmt(settled.baseline!.p50, 0)}/${fmt(settled.baseline!.p99, 0)} ms` : '';
    checks.push({ target: `(${n}) added latency at 100 req/s: p99 <= 10 ms`, met: p99 <= 10, measured: `${fmt(p99)} ms${perRound((l) => l.p99)}${settling}` });
  }
  for (const n of [1, 2]) {
    const r = byNumber(n);
    if (!r?.baseline) continue;
    const rounds = r.cpuRounds;
    if (rounds) {
      checks.push({
        target: `(${n}) CPU per operation at saturation within 1.5x the baseline`,
        met: rounds.ratio <= 1.5,
        measured: `${fmt(rounds.ratio)}x, median of ${rounds.ratios.length} interleaved rounds (${rounds.ratios.map((x) => fmt(x)).join(', ')}); ${fmt(median(rounds.keywayMsPerOp), 3)} vs ${fmt(median(rounds.baselineMsPerOp), 3)} ms`,
      });
      continue;
    }
    const ratio = r.keyway.saturation.cpuMsPerOp / r.baseline.saturation.cpuMsPerOp;
    checks.push({ target: `(${n}) CPU per operation at saturation within 1.5x the baseline`, met: ratio <= 1.5, measured: `${fmt(ratio)}x (${fmt(r.keyway.saturation.cpuMsPerOp, 3)} vs ${fmt(r.baseline.saturation.cpuMsPerOp, 3)} ms)` });
  }
  if (soak) {
    // Growth means a leak, so it is read where a leak shows: memory still held after two full
    // collections, at both points. Resident memory at an arbitrary moment also holds whatever
    // garbage V8 has not collected yet (soaks of the same code measured +7.7 % and +10.8 %);
    // it is shown, and the 250 MB target below is checked against it.
    const heapGrowth = growth(soak.heapUsedMbAfterGcAtCheckpoint, soak.heapUsedMbAfterGcAtEnd);
    const settledGrowth = growth(soak.rssMbAfterGcAtCheckpoint, soak.rssMbAfterGcAtEnd);
    checks.push({
      target: `memory: growth between ${soak.checkpointOperations} and ${soak.operations} operations <= 10 % (heap and RSS after full collections)`,
      met: heapGrowth <= 10 && settledGrowth <= 10,
      measured:
        `heap ${signed(heapGrowth)} % (${fmt(soak.heapUsedMbAfterGcAtCheckpoint, 1)} -> ${fmt(soak.heapUsedMbAfterGcAtEnd, 1)} MB), ` +
        `RSS ${signed(settledGrowth)} % (${fmt(soak.rssMbAfterGcAtCheckpoint, 0)} -> ${fmt(soak.rssMbAfterGcAtEnd, 0)} MB); ` +
        `RSS before collecting ${signed(soak.growthPercent)} % (${fmt(soak.rssMbAtCheckpoint, 0)} -> ${fmt(soak.rssMbAtEnd, 0)} MB)`,
    });
  }
  // The memory figures are "resident memory after warm-up and after 100,000 operations": the
  // soak measures exactly that on a fresh gateway (after its first tenth and at its end). The
  // per-scenario gateway serves the scenarios one after another, so its RSS carries the garbage of
  // earlier saturation phases; its peak is shown beside the target, not checked against it.
  const saturationPeak = Math.max(...results.map((r) => r.keyway.rssMbAfterRun));
  if (soak) {
    checks.push({
      target: `memory: resident memory under 250 MB after warm-up (${soak.checkpointOperations} operations) and after ${soak.operations}`,
      met: Math.max(soak.rssMbAtCheckpoint, soak.rssMbAtEnd) < 250,
      measured: `${fmt(soak.rssMbAtCheckpoint, 0)} MB and ${fmt(soak.rssMbAtEnd, 0)} MB (the gateway that ran the scenarios at saturation: up to ${fmt(saturationPeak, 0)} MB)`,
    });
  }
  const s2 = byNumber(2);
  const s5 = byNumber(5);
  if (s2 && s5) {
    const requests = (s5.keyway.vendorRequestsPerOp.cardexchange ?? 0) / Math.max(1e-9, cx(s2.keyway));
    const latency = (s5.keyway.rates[0]?.latencyMs.p50 ?? NaN) / (s2.keyway.rates[0]?.latencyMs.p50 ?? NaN);
    checks.push({ target: '(5) batching gain shown', met: requests > 1, measured: `${fmt(requests, 1)}x vendor requests, ${fmt(latency)}x p50 latency without DataLoader` });
  }
  return checks;
}
