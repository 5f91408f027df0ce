/**
 * Starts and stops the benchmark's processes: the simulators, the gateway (the real entry point,
 * src/index.ts compiled as for production, in live mode against the simulators) and the baseline.
 * The simulators and the baseline run through tsx.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorSettings } from '../src/config';

export const ROOT = join(__dirname, '..');
const TSX = ['--import', 'tsx'];

export interface Started {
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
}

function whenReady<T>(child: ChildProcess, what: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`${what} exited (code ${code}) before it was ready`)));
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message as T);
    });
  });
}

export interface SimulatorsProcess extends Started {
  vendors: VendorSettings;
  controlUrl: string;
}

export async function startSimulators(latencyMs: number, logDir: string, cpuProfileDir?: string): Promise<SimulatorsProcess> {
  const child = fork(join(__dirname, 'simulatorsProcess.ts'), ['--latency-ms', String(latencyMs)], {
    cwd: ROOT,
    execArgv: [...TSX, ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', join(cpuProfileDir, 'simulators')] : [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  pipeTo(child, join(logDir, 'simulators.log'));
  const ready = await whenReady<{ vendors: VendorSettings; controlUrl: string }>(child, 'the simulators');
  return { child, pid: child.pid!, vendors: ready.vendors, controlUrl: ready.controlUrl, stop: stopper(child) };
}

/**
 * The Node flags production runs the gateway with: those of `npm run start:prod` in package.json,
 * so the benchmark measures the gateway as it ships (README, "Running in production").
 */
export function shippedNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts['start:prod']!.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json start:prod does not start with node: ${pkg.scripts['start:prod']}`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}

/** Where the benchmark builds the gateway (dist/ is ignored by git). */
export const BENCH_BUILD_DIR = join(ROOT, 'dist', 'bench');

/**
 * Compiles the gateway as production runs it (`npm run build` + `npm run start:prod`: plain node,
 * no TypeScript loader, which would add a loader thread and about 30 MB of memory). A type error
 * elsewhere in the tree does not stop the benchmark as long as tsc emitted the gateway.
 */
export async function buildGateway(logDir: string): Promise<string> {
  const entry = join(BENCH_BUILD_DIR, 'src', 'index.js');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', BENCH_BUILD_DIR], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeTo(child, join(logDir, 'build.log'));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    if (!existsSync(entry)) throw new Error(`building the gateway failed (see ${join(logDir, 'build.log')})`);
    process.stderr.write(`bench: tsc reported errors (see ${join(logDir, 'build.log')}); measuring the JavaScript it emitted\n`);
  }
  return entry;
}

export interface GatewayProcess extends Started {
  url: string;
}

export interface GatewayProcessOptions {
  vendors: VendorSettings;
  /** Keep-alive connections (and concurrent calls) per vendor: VENDOR_CONNECTIONS. */
  vendorConnections: number;
  dataLoaderDisabled: boolean;
  logDir: string;
  name: string;
  /** Directory for a V8 CPU profile (`--cpu-prof`), written when the gateway exits. */
  cpuProfileDir?: string;
  /** The compiled entry point (buildGateway), or src/index.ts to run through tsx. */
  entry: string;
  /** Soak only: preload bench/heapProbe.js, which writes heap figures to this file on SIGUSR2. */
  heapProbeFile?: string;
  /** Added last (overrides the above): `--gateway-env`. */
  extraEnv?: Record<string, string>;
  /** Node flags instead of the shipped ones (shippedNodeFlags): `--gateway-node-flags`. */
  nodeFlags?: string[];
}

/** The real gateway entry point in live mode, pointed at the simulators through the normal variables. */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const { vendors } = options;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    AUTH_ALLOW_ANONYMOUS: 'true',
    CARDEXCHANGE_URL: vendors.cardexchange.url,
    CARDEXCHANGE_API_KEY: vendors.cardexchange.apiKey,
    AKTION_URL: vendors.aktion.url,
    AKTION_USER_LOGIN: vendors.aktion.userLogin,
    AKTION_API_KEY: vendors.aktion.apiKey,
    CARDWIZARD_URL: vendors.cardwizard.url,
    CARDWIZARD_JWT: vendors.cardwizard.jwt,
    BLUSKY_URL: vendors.blusky.url,
    BLUSKY_TOKEN: vendors.blusky.token,
    VENDOR_CONNECTIONS: String(options.vendorConnections),
    VENDOR_MAX_QUEUED: '10000',
    ...(options.dataLoaderDisabled ? { BENCH_DISABLE_DATALOADER: 'true' } : {}),
    ...(options.heapProbeFile ? { BENCH_HEAP_PROBE_FILE: options.heapProbeFile } : {}),
    ...options.extraEnv,
  };
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', join(options.cpuProfileDir, options.name)] : [];
  const loader = options.entry.endsWith('.ts') ? TSX : [];
  const probe = options.heapProbeFile ? ['--expose-gc', '--require', join(__dirname, 'heapProbe.js')] : [];
  const nodeFlags = options.nodeFlags ?? shippedNodeFlags();
  const child = spawn(process.execPath, [...nodeFlags, ...loader, ...probe, ...profile, options.entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(options.logDir, `${options.name}.log`));
  child.stderr!.pipe(log);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 60 s (see ${options.logDir})`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the gateway exited (code ${code}) before it was ready (see ${options.logDir})`)));
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        if (!line.includes('Keyway is ready')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
  });
  return { child, pid: child.pid!, url, stop: stopper(child) };
}

export interface BaselineProcess extends Started {
  url: string;
}

/** `cpuProfileDir`: also profile the baseline (into `<dir>/baseline/`, one file per thread), to compare like with like. */
export async function startBaseline(vendors: VendorSettings, vendorConnections: number, logDir: string, cpuProfileDir?: string): Promise<BaselineProcess> {
  const child = fork(join(__dirname, 'baselineProcess.ts'), ['--connections', String(vendorConnections)], {
    cwd: ROOT,
    execArgv: [...TSX, ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', join(cpuProfileDir, 'baseline')] : [])],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', BENCH_VENDORS: JSON.stringify(vendors) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  pipeTo(child, join(logDir, 'baseline.log'));
  const ready = await whenReady<{ url: string }>(child, 'the baseline');
  return { child, pid: child.pid!, url: ready.url, stop: stopper(child) };
}

function pipeTo(child: ChildProcess, file: string): void {
  const log = createWriteStream(file);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
}
