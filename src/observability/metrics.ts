/**
 * Prometheus metrics (prom-client), served on GET /metrics: vendor calls by outcome and latency,
 * calls refused by the circuit breaker or bulkhead, breaker state, GraphQL requests by operation
 * type and outcome, graphql-jit compilations, and Node's process metrics. One registry per
 * process: a process runs one gateway in production (tests that start several share the counters).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'keyway_' });

const registers = [metricsRegistry];

export const vendorRequests = new Counter({
  name: 'keyway_vendor_requests_total',
  help: 'Vendor HTTP attempts, by vendor, method and outcome (2xx/3xx/4xx/5xx, timeout, unreachable, broken).',
  labelNames: ['vendor', 'method', 'outcome'] as const,
  registers,
});

export const vendorRequestDuration = new Histogram({
  name: 'keyway_vendor_request_duration_seconds',
  help: 'Duration of vendor HTTP attempts that got an answer, by vendor.',
  labelNames: ['vendor'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const vendorCallsRefused = new Counter({
  name: 'keyway_vendor_calls_refused_total',
  help: 'Vendor calls the gateway did not make: circuit breaker open, too many calls waiting (bulkhead), or the deadline passed while waiting.',
  labelNames: ['vendor', 'reason'] as const,
  registers,
});

export const vendorCircuitOpen = new Gauge({
  name: 'keyway_vendor_circuit_open',
  help: '1 while the vendor\'s circuit breaker is open (calls fail fast), else 0.',
  labelNames: ['vendor'] as const,
  registers,
});

export const graphqlRequests = new Counter({
  name: 'keyway_graphql_requests_total',
  help: 'GraphQL requests answered over HTTP, by operation type and outcome (ok, or error when the answer has errors).',
  labelNames: ['operation', 'outcome'] as const,
  registers,
});

export const graphqlRequestDuration = new Histogram({
  name: 'keyway_graphql_request_duration_seconds',
  help: 'Time to answer a GraphQL request over HTTP, by operation type.',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
});

export const graphqlCompilations = new Counter({
  name: 'keyway_graphql_compilations_total',
  help: 'Operations compiled with graphql-jit (once per repeated document and operation name); outcome compiled, or declined when graphql-jit could not compile it and graphql-js keeps running it.',
  labelNames: ['outcome'] as const,
  registers,
});

/** The outcome label of one vendor attempt. */
export function statusOutcome(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
