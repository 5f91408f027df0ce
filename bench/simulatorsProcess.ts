/**
 * Benchmark process 1 of 3: the four vendor simulators (src/sandbox/startSandbox.ts) with an added
 * latency per vendor request, plus a small control endpoint on 127.0.0.1 for the orchestrator:
 *   GET  /counts   vendor requests received since the last reset, per vendor and route
 *   POST /reset    sets the counts to zero
 * The simulators' own request logs are folded into counters every 200 ms and emptied, so counts
 * stay exact however long the run (the logs themselves keep at most 10,000 entries).
 *
 * Started by bench/run.ts with IPC; reports `{ type: 'ready', vendors, controlUrl }` when listening.
 * Settings come as arguments: `--latency-ms N` (default 20).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '../src/sandbox/startSandbox';
import type { SimulatorServer } from '../src/sandbox/simulatorServer';
import { routeKey, type VendorCounts } from './vendorCounts';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more`);
  return value;
}

async function main(): Promise<void> {
  const latencyMs = argument('--latency-ms', 20);
  const sandbox = await startSandbox({ latencyMs });
  const servers: Record<string, SimulatorServer> = {
    cardexchange: sandbox.cardexchange.server,
    aktion: sandbox.aktion.server,
    cardwizard: sandbox.cardwizard.server,
    blusky: sandbox.blusky.server,
  };
  let counts: VendorCounts = emptyCounts();

  function emptyCounts(): VendorCounts {
    return Object.fromEntries(Object.keys(servers).map((vendor) => [vendor, { total: 0, byRoute: {} }]));
  }

  /** Moves the simulators' logged requests into the counters (synchronously: nothing is lost). */
  function fold(): void {
    for (const [vendor, server] of Object.entries(servers)) {
      const count = counts[vendor]!;
      for (const request of server.requests) {
        const key = routeKey(request.method, request.path);
        count.byRoute[key] = (count.byRoute[key] ?? 0) + 1;
        count.total += 1;
      }
      server.resetRequests();
    }
  }
  const folding = setInterval(fold, 200);

  const control = createServer((req, res) => {
    fold();
    if (req.method === 'POST' && req.url === '/reset') counts = emptyCounts();
    else if (!(req.method === 'GET' && req.url === '/counts')) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(counts);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  const stop = async () => {
    clearInterval(folding);
    control.close();
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('disconnect', () => void stop());
  process.send?.({ type: 'ready', vendors: sandbox.vendors, controlUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench simulators: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
