/** Settings of the outbound HTTP layer: defaults for every vendor and per-vendor overrides. */
import { ConfigError } from './configError';
import type { Env, ParsedEnv } from './envSchema';
import { VENDOR_VARIABLES, type VendorName } from './vendorSettings';

export interface HttpSettings {
  /** Time to open a TCP/TLS connection to a vendor. */
  connectTimeoutMs: number;
  /** Time from sending a request to the vendor's response headers (first byte). */
  headersTimeoutMs: number;
  /** Longest silence while a vendor's response body streams in. */
  bodyTimeoutMs: number;
  /** Ceiling for one vendor call including retries: a hung vendor costs a client at most this. */
  requestTimeoutMs: number;
  /** Retries of idempotent calls after the first attempt. */
  maxRetries: number;
  /** Keep-alive connections per vendor; also the most calls in flight to one vendor (bulkhead). */
  connectionsPerVendor: number;
  /** Calls that may wait for a free slot beyond that; more fail fast with VENDOR_UNAVAILABLE. */
  maxQueuedPerVendor: number;
  /** Retries one GraphQL request may spend across all its vendor calls. */
  retryBudgetPerRequest: number;
  /** Consecutive failed calls (unreachable, 5xx, timeout) that open a vendor's circuit breaker. */
  breakerThreshold: number;
  /** How long an open breaker fails fast before letting one probe call through. */
  breakerHalfOpenAfterMs: number;
}

export function defaultHttpSettings(base: ParsedEnv): HttpSettings {
  return {
    connectTimeoutMs: base.VENDOR_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: base.VENDOR_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: base.VENDOR_BODY_TIMEOUT_MS,
    requestTimeoutMs: base.VENDOR_REQUEST_TIMEOUT_MS,
    maxRetries: base.VENDOR_MAX_RETRIES,
    connectionsPerVendor: base.VENDOR_CONNECTIONS,
    maxQueuedPerVendor: base.VENDOR_MAX_QUEUED,
    retryBudgetPerRequest: base.VENDOR_RETRY_BUDGET,
    breakerThreshold: base.VENDOR_BREAKER_THRESHOLD,
    breakerHalfOpenAfterMs: base.VENDOR_BREAKER_HALF_OPEN_MS,
  };
}

/** Per-vendor overrides, e.g. AKTION_REQUEST_TIMEOUT_MS, on top of the VENDOR_* defaults. */
const VENDOR_OVERRIDES = {
  CONNECT_TIMEOUT_MS: { key: 'connectTimeoutMs', max: 600_000 },
  HEADERS_TIMEOUT_MS: { key: 'headersTimeoutMs', max: 600_000 },
  BODY_TIMEOUT_MS: { key: 'bodyTimeoutMs', max: 600_000 },
  REQUEST_TIMEOUT_MS: { key: 'requestTimeoutMs', max: 600_000 },
  CONNECTIONS: { key: 'connectionsPerVendor', max: 1024 },
} as const;

export function vendorHttpSettings(defaults: HttpSettings, env: Env): Record<VendorName, HttpSettings> {
  const problems: string[] = [];
  const result = {} as Record<VendorName, HttpSettings>;
  for (const vendor of Object.keys(VENDOR_VARIABLES) as VendorName[]) {
    const settings = { ...defaults };
    for (const [suffix, { key, max }] of Object.entries(VENDOR_OVERRIDES)) {
      const name = `${vendor.toUpperCase()}_${suffix}`;
      const raw = env[name]?.trim();
      if (!raw) continue;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > max) problems.push(`${name}: must be a whole number from 1 to ${max}`);
      else settings[key] = value;
    }
    result[vendor] = settings;
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return result;
}
