/**
 * Preloaded into the benchmark's soak gateway only (`node --expose-gc --require bench/heapProbe.js`):
 * on SIGUSR2, collects garbage twice and writes process.memoryUsage() to BENCH_HEAP_PROBE_FILE, so
 * the benchmark can tell a leak (heap still growing after a full collection) from a collector that
 * simply has not run yet (resident memory that a collection would give back). Not part of the gateway.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_HEAP_PROBE_FILE;
if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    const beforeGc = process.memoryUsage().rss;
    global.gc();
    global.gc();
    writeFileSync(file, JSON.stringify({ at: Date.now(), rssBeforeGc: beforeGc, ...process.memoryUsage() }));
  });
}
