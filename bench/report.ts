/**
 * The run's figures as a Markdown table (printed, and kept in bench/RESULTS.md between markers so
 * the hand-written findings around it survive a new run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { PhaseResult, TargetResult } from './measure';
import type { BenchSettings } from './settings';
import type { ScenarioResult, SoakResult, TargetCheck } from './targets';

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  memoryGb: number;
  os: string;
  /** 1-minute load average before and after the run: other work on the machine skews the figures. */
  loadAverage: { start: number; end: number };
}

export interface BenchReport {
  date: string;
  machine: Machine;
  settings: BenchSettings;
  scenarios: ScenarioResult[];
  soak?: SoakResult;
  targets: TargetCheck[];
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const lat = (p: PhaseResult | undefined) => (p ? `${ms(p.latencyMs.p50)} / ${ms(p.latencyMs.p90)} / ${ms(p.latencyMs.p99)}` : '');
const requests = (t: TargetResult) =>
  Object.entries(t.vendorRequestsPerOp)
    .filter(([, n]) => n > 0)
    .map(([vendor, n]) => `${vendor} ${Number.isInteger(n) ? n : n.toFixed(2)}`)
    .join(', ') || '0';

export function renderReport(report: BenchReport): string {
  const { machine, settings } = report;
  const lines: string[] = [];
  lines.push(
    `Run of ${report.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}; ` +
      `load average ${machine.loadAverage.start.toFixed(2)} before, ${machine.loadAverage.end.toFixed(2)} after.`,
  );
  lines.push(
    `Vendor latency ${settings.latencyMs} ms per request; fixed-rate phases ${settings.durationSeconds} s (after ${settings.rateWarmupSeconds ?? 0} s at the rate, not measured) with ${settings.rateConnections} connections` +
      `${settings.latencyRounds ? ` (${settings.latencyRoundRate}/s: ${settings.latencyRounds} such rounds per target, Keyway and the baseline in turn, figures over all of them, after ${settings.latencySettleSeconds ?? 0} s of each at the rate, not measured)` : ''}, ` +
      `saturation ${settings.durationSeconds} s with ${settings.saturationConnections} connections; ${settings.vendorConnections} keep-alive connections per vendor; ` +
      `gateway Node flags: ${settings.gatewayNodeFlags?.length ? settings.gatewayNodeFlags.map((f) => `\`${f}\``).join(' ') : 'none'}` +
      `${settings.smoke ? ' (SMOKE MODE: figures prove the benchmark runs, they are not measurements)' : ''}.`,
  );
  lines.push('');
  const rateHeads = settings.rates.map((r) => `p50 / p90 / p99 ms @ ${r}/s`);
  lines.push(`| # | scenario | target | vendor requests / op | ${rateHeads.join(' | ')} | saturation ops/s | p50 / p90 / p99 ms @ saturation | CPU ms / op @ saturation | RSS MB warm → end | failures |`);
  lines.push(`|---|---|---|---|${rateHeads.map(() => '---|').join('')}---|---|---|---|---|`);
  for (const scenario of report.scenarios) {
    for (const t of [scenario.keyway, scenario.baseline].filter((x): x is TargetResult => x !== undefined)) {
      const failures = [...t.rates, t.saturation].reduce((sum, p) => sum + p.failures, 0);
      const rateCells = settings.rates.map((rate) => {
        const phase = t.rates.find((p) => p.rate === rate);
        const reached = phase && phase.throughput >= rate * 0.95 ? '' : ` (${phase ? phase.throughput.toFixed(0) : 0}/s reached)`;
        return `${lat(phase)}${reached}`;
      });
      lines.push(
        `| ${scenario.number} | ${scenario.title} | ${t.target} | ${requests(t)} | ${rateCells.join(' | ')} | ${t.saturation.throughput.toFixed(0)} | ${lat(t.saturation)} | ` +
          `${t.saturation.cpuMsPerOp.toFixed(3)} | ${t.rssMbAfterWarmup.toFixed(0)} → ${t.rssMbAfterRun.toFixed(0)} | ${failures} |`,
      );
    }
  }
  lines.push('');
  const ratios = report.scenarios.filter((s) => s.baseline);
  if (ratios.length > 0) {
    lines.push('Keyway relative to the baseline (same vendor calls, no GraphQL):');
    lines.push('');
    lines.push(`| # | answer equals baseline | ${settings.rates.map((r) => `added p50 / p99 ms @ ${r}/s`).join(' | ')} | throughput ratio @ saturation | CPU per op ratio (interleaved rounds: median, range) |`);
    lines.push(`|---|---|${settings.rates.map(() => '---|').join('')}---|---|`);
    for (const s of ratios) {
      const b = s.baseline!;
      const added = settings.rates.map((rate) => {
        const k = s.keyway.rates.find((p) => p.rate === rate);
        const base = b.rates.find((p) => p.rate === rate);
        return k && base ? `${ms(k.latencyMs.p50 - base.latencyMs.p50)} / ${ms(k.latencyMs.p99 - base.latencyMs.p99)}` : '';
      });
      lines.push(
        `| ${s.number} | ${s.baselineAnswerMatches ? 'yes' : `NO: ${s.baselineAnswerDifference ?? ''}`} | ${added.join(' | ')} | ` +
          `${(s.keyway.saturation.throughput / b.saturation.throughput).toFixed(2)} | ${cpuRatio(s)} |`,
      );
    }
    lines.push('');
  }
  if (report.soak) {
    const s = report.soak;
    lines.push(
      `Memory soak (a fresh gateway, ${s.scenarios.join(' / ')} in turn, ${s.throughput.toFixed(0)} ops/s): RSS ${s.rssMbAtCheckpoint.toFixed(0)} MB after ${s.checkpointOperations} operations, ` +
        `${s.rssMbAtEnd.toFixed(0)} MB after ${s.operations} (${s.growthPercent >= 0 ? '+' : ''}${s.growthPercent.toFixed(1)} %); heap in use after a full collection ` +
        `${s.heapUsedMbAfterGcAtCheckpoint.toFixed(1)} MB and ${s.heapUsedMbAfterGcAtEnd.toFixed(1)} MB (RSS then ${s.rssMbAfterGcAtCheckpoint.toFixed(0)} MB and ${s.rssMbAfterGcAtEnd.toFixed(0)} MB); ${s.failures} failures.`,
    );
    lines.push('');
  }
  lines.push('| target | met | measured |');
  lines.push('|---|---|---|');
  for (const check of report.targets) lines.push(`| ${check.target} | ${check.met ? 'yes' : '**no**'} | ${check.measured} |`);
  return lines.join('\n');
}

/** Replaces the figures between the markers of RESULTS.md (or appends them). */
export function updateResultsMarkdown(file: string, rendered: string, jsonName: string): void {
  const block = `${START}\n<!-- Written by \`npm run bench\`; do not edit by hand. Raw figures: results/${jsonName} -->\n\n${rendered}\n\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Keyway benchmark results\n\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** The interleaved rounds' median ratio with its range, or the saturation phases' ratio (older reports). */
function cpuRatio(s: ScenarioResult): string {
  if (!s.cpuRounds) return (s.keyway.saturation.cpuMsPerOp / s.baseline!.saturation.cpuMsPerOp).toFixed(2);
  const { ratio, ratios } = s.cpuRounds;
  return `${ratio.toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}
