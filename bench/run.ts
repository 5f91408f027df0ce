/**
 * `npm run bench`: Keyway against a hand-written baseline, over simulated vendors with added
 * latency. Three kinds of process, so none shares an event loop with another: the simulators
 * (bench/simulatorsProcess.ts), the gateway (src/index.ts in live mode, and a second one with
 * DataLoader disabled for scenario 5) and the baseline (bench/baselineProcess.ts) are children of
 * this orchestrator, which drives them with autocannon.
 *
 * Prints a table, writes bench/results/<date>.json and refreshes the figures in bench/RESULTS.md.
 * `--smoke` (or BENCH_SMOKE=1) runs every scenario for a few seconds only, to prove the benchmark
 * still works; it writes its JSON to `--out` (default bench/results) and never touches RESULTS.md.
 * Options: see bench/settings.ts.
 */
import { deepStrictEqual } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { measureCpuRounds } from './cpuRounds';
import { insertPhase, measureLatencyRounds } from './latencyRounds';
import { measureTarget, type Counter } from './measure';
import { runLoad } from './load';
import { buildGateway, ROOT, startBaseline, shippedNodeFlags, startGatewayProcess, startSimulators, type GatewayProcess, type GatewayProcessOptions } from './processes';
import { residentMb } from './procStats';
import { renderReport, updateResultsMarkdown, type BenchReport, type Machine } from './report';
import { benchInternalNumber, createScenarios, requestBody, type Scenario } from './scenarios';
import { readSettings, type BenchSettings } from './settings';
import { checkTargets, type ScenarioResult, type SoakResult } from './targets';
import type { VendorCounts } from './vendorCounts';

const RESULTS_DIR = join(__dirname, 'results');
/** Aktion's documented token lifetime (the simulators use it too). */
const TOKEN_LIFETIME_SECONDS = 20;
const RUN_TAG = 0;

function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
  };
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
  return response.text();
}

/**
 * One request to Keyway and one to the baseline: Keyway's must be a complete success, and both
 * must carry the same data (per-request values such as the write's internal number aside).
 */
async function compareAnswers(scenario: Scenario, keywayUrl: string, baselineUrl: string | undefined, sequence: { next: number }) {
  const keywaySequence = sequence.next++;
  const keyway = await post(keywayUrl, requestBody(scenario, keywaySequence));
  if (!scenario.isSuccess(keyway)) throw new Error(`scenario ${scenario.number}: Keyway did not answer with a complete success: ${keyway.slice(0, 800)}`);
  if (!baselineUrl) return { matches: null };
  const baselineSequence = sequence.next++;
  const baseline = await post(baselineUrl, requestBody(scenario, baselineSequence));
  const neutral = (text: string, seq: number) => JSON.parse(text.split(benchInternalNumber(RUN_TAG, seq)).join('<number>')) as unknown;
  try {
    deepStrictEqual(neutral(baseline, baselineSequence), neutral(keyway, keywaySequence));
    return { matches: true };
  } catch (error) {
    return { matches: false, difference: (error as Error).message.split('\n').slice(0, 12).join(' ').slice(0, 400) };
  }
}

/**
 * The memory soak: a gateway of its own (so the large heaps of earlier phases do not blur it),
 * with bench/heapProbe.js preloaded to read the heap after a full collection.
 */
async function runSoak(
  settings: BenchSettings,
  gatewayOptions: Omit<GatewayProcessOptions, 'dataLoaderDisabled' | 'name'>,
  sequence: { next: number },
  stops: Array<() => Promise<void>>,
  logDir: string,
): Promise<SoakResult> {
  const mix = createScenarios(RUN_TAG).filter((s) => settings.soakScenarios.includes(s.id));
  if (mix.length === 0) throw new Error(`no known soak scenario in ${settings.soakScenarios.join(', ')}`);
  process.stdout.write(`memory soak: ${settings.soakOps} operations of ${mix.map((s) => s.number).join(', ')} in turn\n`);
  const heapProbeFile = join(logDir, 'heap.json');
  const gateway = await startGatewayProcess({ ...gatewayOptions, dataLoaderDisabled: false, name: 'gateway-soak', heapProbeFile });
  stops.unshift(gateway.stop);
  const heapAfterGc = async () => {
    const before = existsSync(heapProbeFile) ? statSync(heapProbeFile).mtimeMs : 0;
    process.kill(gateway.pid, 'SIGUSR2');
    for (let i = 0; i < 100 && (!existsSync(heapProbeFile) || statSync(heapProbeFile).mtimeMs === before); i += 1) await new Promise((r) => setTimeout(r, 50));
    return JSON.parse(readFileSync(heapProbeFile, 'utf8')) as { heapUsed: number; rss: number };
  };
  const checkpointOperations = Math.round(settings.soakOps / 10);
  const started = performance.now();
  const first = await runLoad({ url: gateway.url, scenario: mix, sequence, connections: settings.saturationConnections, amount: checkpointOperations });
  const rssMbAtCheckpoint = residentMb(gateway.pid);
  const atCheckpoint = await heapAfterGc();
  const rest = await runLoad({ url: gateway.url, scenario: mix, sequence, connections: settings.saturationConnections, amount: settings.soakOps - checkpointOperations });
  const seconds = (performance.now() - started) / 1000;
  const rssMbAtEnd = residentMb(gateway.pid);
  const atEnd = await heapAfterGc();
  await gateway.stop();
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    scenarios: mix.map((s) => s.id),
    operations: settings.soakOps,
    checkpointOperations,
    rssMbAtCheckpoint,
    rssMbAtEnd,
    growthPercent: ((rssMbAtEnd - rssMbAtCheckpoint) / rssMbAtCheckpoint) * 100,
    heapUsedMbAfterGcAtCheckpoint: mb(atCheckpoint.heapUsed),
    heapUsedMbAfterGcAtEnd: mb(atEnd.heapUsed),
    rssMbAfterGcAtCheckpoint: mb(atCheckpoint.rss),
    rssMbAfterGcAtEnd: mb(atEnd.rss),
    throughput: (first.operations + rest.operations) / seconds,
    failures: first.failures + rest.failures,
  };
}

async function main(): Promise<void> {
  const read = readSettings(process.argv.slice(2), process.env, RESULTS_DIR);
  // The report records the flags the gateway really ran with.
  const settings: BenchSettings = { ...read, gatewayNodeFlags: read.gatewayNodeFlags ?? shippedNodeFlags() };
  const logDir = mkdtempSync(join(tmpdir(), 'keyway-bench-'));
  const info = machine();
  process.stdout.write(`Keyway benchmark${settings.smoke ? ' (smoke mode)' : ''}: scenarios ${settings.scenarios.join(', ')}; process logs in ${logDir}\n`);

  const stops: Array<() => Promise<void>> = [];
  try {
    const simulators = await startSimulators(settings.latencyMs, logDir, settings.cpuProfileDir);
    stops.push(simulators.stop);
    const counter: Counter = {
      snapshot: async () => (await (await fetch(`${simulators.controlUrl}/counts`)).json()) as VendorCounts,
    };
    const entry = settings.gatewayFromSource ? join(ROOT, 'src', 'index.ts') : await buildGateway(logDir);
    const gatewayOptions = { vendors: simulators.vendors, vendorConnections: settings.vendorConnections, logDir, entry, extraEnv: settings.gatewayEnv, nodeFlags: settings.gatewayNodeFlags };
    const gateway = await startGatewayProcess({ ...gatewayOptions, dataLoaderDisabled: false, name: 'gateway', cpuProfileDir: settings.cpuProfileDir });
    stops.unshift(gateway.stop);
    const baseline = settings.baseline ? await startBaseline(simulators.vendors, settings.vendorConnections, logDir, settings.cpuProfileDir) : undefined;
    if (baseline) stops.unshift(baseline.stop);
    let withoutDataLoader: GatewayProcess | undefined;

    const sequence = { next: 1 };
    const results: ScenarioResult[] = [];
    for (const scenario of createScenarios(RUN_TAG).filter((s) => settings.scenarios.includes(s.number))) {
      let target = gateway;
      if (scenario.dataLoaderDisabled) {
        withoutDataLoader ??= await startGatewayProcess({ ...gatewayOptions, dataLoaderDisabled: true, name: 'gateway-no-dataloader' });
        stops.unshift(withoutDataLoader.stop);
        target = withoutDataLoader;
      }
      process.stdout.write(`scenario ${scenario.number}: ${scenario.title}\n`);
      const baselineUrl = baseline && scenario.baselinePath ? baseline.url + scenario.baselinePath : undefined;
      const answer = await compareAnswers(scenario, target.url, baselineUrl, sequence);
      const keywayTarget = { name: 'keyway', url: target.url, pid: target.pid } as const;
      const baselineTarget = baselineUrl && baseline ? ({ name: 'baseline', url: baselineUrl, pid: baseline.pid } as const) : undefined;
      // With a baseline, the latency targets' rate is measured in interleaved rounds instead of a phase each.
      const interleaved = baselineTarget && settings.latencyRounds > 0 && settings.rates.includes(settings.latencyRoundRate) ? [settings.latencyRoundRate] : [];
      const keyway = await measureTarget(scenario, keywayTarget, settings, sequence, counter, interleaved);
      const base = baselineTarget ? await measureTarget(scenario, baselineTarget, settings, sequence, counter, interleaved) : undefined;
      const latencyRounds = base && interleaved.length > 0 ? await measureLatencyRounds(scenario, keywayTarget, baselineTarget!, settings, sequence) : undefined;
      if (latencyRounds) {
        insertPhase(keyway, latencyRounds.keyway, settings.rates);
        insertPhase(base!, latencyRounds.baseline, settings.rates);
      }
      const cpuRounds = baselineTarget ? await measureCpuRounds(scenario, keywayTarget, baselineTarget, settings, sequence) : undefined;
      results.push({
        id: scenario.id,
        number: scenario.number,
        title: scenario.title,
        baselineAnswerMatches: answer.matches,
        ...(answer.difference ? { baselineAnswerDifference: answer.difference } : {}),
        keyway,
        ...(base ? { baseline: base } : {}),
        ...(latencyRounds ? { latencyRounds } : {}),
        ...(cpuRounds ? { cpuRounds } : {}),
      });
    }

    let soak: SoakResult | undefined;
    if (settings.soakOps > 0) soak = await runSoak(settings, gatewayOptions, sequence, stops, logDir);

    info.loadAverage.end = loadavg()[0] ?? 0;
    const date = new Date().toISOString();
    const report: BenchReport = { date, machine: info, settings, scenarios: results, soak, targets: checkTargets(results, soak, TOKEN_LIFETIME_SECONDS) };
    const rendered = renderReport(report);
    process.stdout.write(`\n${rendered}\n`);
    mkdirSync(settings.outDir, { recursive: true });
    const jsonName = `${date.replace(/[:.]/g, '-')}${settings.smoke ? '-smoke' : ''}.json`;
    writeFileSync(join(settings.outDir, jsonName), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwritten: ${join(settings.outDir, jsonName)}\n`);
    if (!settings.smoke && resolve(settings.outDir) === resolve(RESULTS_DIR)) {
      updateResultsMarkdown(join(__dirname, 'RESULTS.md'), rendered, jsonName);
      process.stdout.write(`updated: ${join(__dirname, 'RESULTS.md')}\n`);
    }
  } finally {
    for (const stop of stops) await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
