/**
 * The fixed-rate load generator (bench/pacedLoad.ts): its warm-up runs at the rate but is not
 * recorded, so a target that is slow only while a phase starts does not set the phase's figures.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPaced } from '../../bench/pacedLoad';
import type { Scenario } from '../../bench/scenarios';

const scenario: Scenario = {
  id: 'person',
  number: 1,
  title: 'test',
  query: '{ __typename }',
  variables: () => ({}),
  baselinePath: null,
  dataLoaderDisabled: false,
  isSuccess: (body) => body === '{"data":{}}',
};

/** Answers every POST; the first `slowMs` after the first request each take `delayMs`. */
async function startTarget(slowMs: number, delayMs: number): Promise<{ server: Server; url: string; received: () => number }> {
  let received = 0;
  let firstAt: number | undefined;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      firstAt ??= performance.now();
      const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
      if (performance.now() - firstAt < slowMs) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received: () => received };
}

describe('runPaced', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  afterEach(() => new Promise<void>((resolve) => target.server.close(() => resolve())));

  it('sends the warm-up at the rate but records only the measured seconds', async () => {
    target = await startTarget(300, 250);
    const result = await runPaced({ url: target.url, scenario, sequence: { next: 1 }, rate: 50, durationSeconds: 0.6, warmupSeconds: 0.6, connections: 20 });
    expect(target.received()).toBe(60);
    expect(result.operations).toBe(30);
    expect(result.failures).toBe(0);
    // The requests of the first 300 ms took 250 ms or more; none of them is in the figures.
    expect(result.latencyMs.max).toBeLessThan(200);
    // Throughput is over the measured window only (~50/s), not diluted by the warm-up.
    expect(result.throughput).toBeGreaterThan(35);
    expect(result.throughput).toBeLessThan(60);
  });

  it('records every request when there is no warm-up', async () => {
    target = await startTarget(300, 250);
    const result = await runPaced({ url: target.url, scenario, sequence: { next: 1 }, rate: 50, durationSeconds: 0.6, connections: 20 });
    expect(target.received()).toBe(30);
    expect(result.operations).toBe(30);
    expect(result.latencyMs.max).toBeGreaterThanOrEqual(240);
  });

  it('reports a target that falls behind within the warm-up from the start, with the rate it reached', async () => {
    // Every request takes 300 ms: at 100/s over 5 connections the queue passes 10 within ~0.2 s.
    target = await startTarget(60_000, 300);
    const result = await runPaced({ url: target.url, scenario, sequence: { next: 1 }, rate: 100, durationSeconds: 1, warmupSeconds: 2, connections: 5 });
    expect(result.notSent).toBeGreaterThan(200);
    expect(result.operations).toBeGreaterThan(0);
    expect(result.sortedLatencies).toHaveLength(result.operations);
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(290);
    expect(result.throughput).toBeLessThan(50);
  });

  it('counts a failure in the warm-up', async () => {
    target = await startTarget(0, 0);
    target.server.removeAllListeners('request');
    let answered = 0;
    target.server.on('request', (request, response) => {
      request.resume();
      request.on('end', () => {
        answered += 1;
        response.writeHead(answered === 1 ? 500 : 200, { 'content-type': 'application/json' }).end('{"data":{}}');
      });
    });
    const result = await runPaced({ url: target.url, scenario, sequence: { next: 1 }, rate: 50, durationSeconds: 0.2, warmupSeconds: 0.2, connections: 20 });
    expect(result.operations).toBe(10);
    expect(result.failures).toBe(1);
  });
});
