/**
 * `npm run bench -- --smoke`: the whole benchmark (three kinds of process, five scenarios, the
 * baseline, the memory soak) for a few seconds per phase, to prove it still works. Its figures
 * are not checked against the targets (CI machines vary); what is checked is that every phase ran
 * without failures, the baseline answers what Keyway answers, and the request counts are right.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchReport } from '../../bench/report';

const ROOT = join(__dirname, '..', '..');

function runBench(outDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bench/run.ts', '--smoke', '--out', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

it('runs every scenario against Keyway and the baseline and writes its figures', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'keyway-bench-smoke-'));
  const resultsMd = join(ROOT, 'bench', 'RESULTS.md');
  const mdBefore = statSync(resultsMd, { throwIfNoEntry: false })?.mtimeMs;
  try {
    const { code, output } = await runBench(outDir);
    expect({ code, tail: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(output).toContain('| target | met | measured |');

    const files = readdirSync(outDir).filter((file) => file.endsWith('-smoke.json'));
    expect(files).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(outDir, files[0]!), 'utf8')) as BenchReport;
    expect(report.settings.smoke).toBe(true);
    expect(report.scenarios.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    for (const scenario of report.scenarios) {
      const targets = [scenario.keyway, ...(scenario.baseline ? [scenario.baseline] : [])];
      for (const target of targets) {
        const phases = [...target.rates, target.saturation];
        for (const phase of phases) {
          expect({ scenario: scenario.number, target: target.target, failures: phase.failures }).toEqual({ scenario: scenario.number, target: target.target, failures: 0 });
          expect(phase.operations).toBeGreaterThan(0);
          // /proc counts CPU in 10 ms ticks: one short smoke phase may measure 0, never less.
          expect(phase.cpuMsPerOp).toBeGreaterThanOrEqual(0);
        }
        expect(phases.reduce((sum, phase) => sum + phase.cpuMsPerOp * phase.operations, 0)).toBeGreaterThan(0);
        expect(target.rssMbAfterRun).toBeGreaterThan(0);
      }
      expect(scenario.baselineAnswerMatches).toBe(scenario.number === 5 ? null : true);
      // Interleaved CPU rounds run wherever there is a baseline (one round in smoke mode).
      if (scenario.baseline) {
        expect(scenario.cpuRounds?.ratios).toHaveLength(1);
        expect(scenario.cpuRounds!.keywayMsPerOp[0]).toBeGreaterThanOrEqual(0);
      } else {
        expect(scenario.cpuRounds).toBeUndefined();
      }
      // The latency targets' rate (20/s in smoke mode) comes from interleaved rounds wherever there
      // is a baseline, and stands in both targets' fixed-rate phases.
      if (scenario.baseline) {
        expect(scenario.latencyRounds?.keywayRounds).toHaveLength(1);
        expect(scenario.latencyRounds?.baselineRounds).toHaveLength(1);
        // Both targets settled at the rate before the rounds, and what they answered is kept.
        expect(scenario.latencyRounds?.settle.seconds).toBeGreaterThan(0);
        expect(scenario.latencyRounds?.settle.keyway?.p50).toBeGreaterThan(0);
        expect(scenario.latencyRounds?.settle.baseline?.p50).toBeGreaterThan(0);
        expect(scenario.keyway.rates.map((p) => p.rate)).toEqual([20]);
        expect(scenario.baseline.rates.map((p) => p.rate)).toEqual([20]);
        expect(scenario.keyway.rates[0]).toEqual(scenario.latencyRounds!.keyway);
      } else {
        expect(scenario.latencyRounds).toBeUndefined();
        expect(scenario.keyway.rates.map((p) => p.rate)).toEqual([20]);
      }
    }
    const perOp = (n: number) => report.scenarios.find((s) => s.number === n)!.keyway.vendorRequestsPerOp;
    expect(perOp(1)).toEqual({ cardexchange: 1 });
    expect(perOp(2)).toEqual({ cardexchange: 1 });
    expect(perOp(5).cardexchange).toBeGreaterThan(1);
    // Logins depend on when the token's lifetime ends, so routes other than the login are compared.
    const routesPerOp = (n: number, target: 'keyway' | 'baseline') => {
      const scenario = report.scenarios.find((s) => s.number === n)!;
      const routes = { ...scenario[target]!.vendorRoutesPerOp.cardexchange, ...scenario[target]!.vendorRoutesPerOp.aktion };
      delete routes['POST /api/login'];
      return routes;
    };
    expect(routesPerOp(4, 'keyway')).toEqual({ 'POST /api/identifier/create': 1, 'POST /api/identifier/update': 1 });
    // Scenario 3: exactly what the hand-written baseline needs.
    expect(routesPerOp(3, 'keyway')).toEqual(routesPerOp(3, 'baseline'));
    expect(routesPerOp(3, 'keyway')['GET /api/v1/cards']).toBe(1);
    expect(report.soak!.failures).toBe(0);
    // A smoke run leaves the recorded figures alone.
    expect(statSync(resultsMd, { throwIfNoEntry: false })?.mtimeMs).toBe(mdBefore);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 240_000);
