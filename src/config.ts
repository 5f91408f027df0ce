/**
 * The gateway's configuration, read from the environment once at start-up and validated.
 * Nothing else in the gateway reads `process.env`: tests pass an env object instead.
 *
 * Sandbox mode: no vendor URL is set at all. The four simulators start in-process with demo data.
 * Live mode: any vendor URL is set. Then every vendor's settings must be present; we never fall
 * back to a simulator in live mode, because a card written to a fake vendor is lost data.
 */
import { z } from 'zod';
import { parseCardReadSettings, type CardReadSettings } from './vendors/cardwizard/cardReadSettings';

export interface CardExchangeSettings {
  url: string;
  apiKey: string;
}
export interface AktionSettings {
  url: string;
  userLogin: string;
  apiKey: string;
}
export interface CardWizardSettings {
  url: string;
  jwt: string;
}
export interface BluskySettings {
  url: string;
  token: string;
}
export interface VendorSettings {
  cardexchange: CardExchangeSettings;
  aktion: AktionSettings;
  cardwizard: CardWizardSettings;
  blusky: BluskySettings;
}

export type VendorName = keyof VendorSettings;

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

export interface ApiKeySetting {
  /** Shown in logs instead of the key. */
  label: string;
  key: string;
  scopes: string[];
}

export interface SecuritySettings {
  /** Callers without credentials are let in (default in sandbox mode only). */
  allowAnonymous: boolean;
  /** Bearer JWT verification; null when JWTs are not accepted. */
  jwt: { secret?: string; jwksUrl?: string; issuer: string; audience: string } | null;
  apiKeys: ApiKeySetting[];
  introspection: boolean;
  graphiql: boolean;
  /** Origins allowed to call the gateway from a browser (CORS); empty: none. */
  corsOrigins: string[];
  maxBodyBytes: number;
  /** Open WebSocket (subscription) connections the gateway accepts at once; more get 503. */
  maxWebSocketConnections: number;
  limits: { maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number; maxCost: number };
}

export interface GatewayConfig {
  mode: 'sandbox' | 'live';
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Defaults for every vendor. */
  http: HttpSettings;
  /** The settings each vendor's HTTP client uses: the defaults with that vendor's overrides. */
  vendorHttp: Record<VendorName, HttpSettings>;
  /** Live mode: the vendors' settings. Sandbox mode: null until the simulators have started. */
  vendors: VendorSettings | null;
  /** Sandbox mode: latency the simulators add to each vendor request, in ms. */
  sandboxLatencyMs: number;
  /**
   * BENCHMARK ONLY (BENCH_DISABLE_DATALOADER): turns off DataLoader batching, caching and priming
   * so `npm run bench` can show what they save. Never set it in production: every repeated or
   * embedded object then costs its own vendor call.
   */
  benchDisableDataLoader: boolean;
  security: SecuritySettings;
  /** Card-read tracking (CARD_READ_* variables, see vendors/cardwizard/cardReadSettings.ts). */
  cardReads: CardReadSettings;
}

/** Every vendor variable, grouped by vendor, in the order the docs list them. */
const VENDOR_VARIABLES = {
  cardexchange: ['CARDEXCHANGE_URL', 'CARDEXCHANGE_API_KEY'],
  aktion: ['AKTION_URL', 'AKTION_USER_LOGIN', 'AKTION_API_KEY'],
  cardwizard: ['CARDWIZARD_URL', 'CARDWIZARD_JWT'],
  blusky: ['BLUSKY_URL', 'BLUSKY_TOKEN'],
} as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const baseSchema = z.object({
  PORT: integer(4000, 0, 65535),
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VENDOR_CONNECT_TIMEOUT_MS: integer(3_000, 1, 120_000),
  VENDOR_HEADERS_TIMEOUT_MS: integer(10_000, 1, 300_000),
  VENDOR_BODY_TIMEOUT_MS: integer(10_000, 1, 300_000),
  VENDOR_REQUEST_TIMEOUT_MS: integer(15_000, 1, 600_000),
  VENDOR_MAX_RETRIES: integer(2, 0, 5),
  VENDOR_CONNECTIONS: integer(32, 1, 1024),
  VENDOR_MAX_QUEUED: integer(256, 0, 100_000),
  VENDOR_RETRY_BUDGET: integer(4, 0, 100),
  VENDOR_BREAKER_THRESHOLD: integer(5, 1, 1000),
  VENDOR_BREAKER_HALF_OPEN_MS: integer(10_000, 10, 600_000),
  SANDBOX_LATENCY_MS: integer(0, 0, 60_000),
  // Benchmark only (bench/run.ts, scenario 5): see GatewayConfig.benchDisableDataLoader.
  BENCH_DISABLE_DATALOADER: flag(),
  AUTH_ALLOW_ANONYMOUS: flag(),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 key)').optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_API_KEYS: z.string().optional(),
  INTROSPECTION: flag(),
  GRAPHIQL: flag(),
  CORS_ORIGINS: z.string().optional(),
  MAX_BODY_BYTES: integer(1024 * 1024, 1024, 64 * 1024 * 1024),
  MAX_WS_CONNECTIONS: integer(1000, 1, 100_000),
  QUERY_MAX_DEPTH: integer(10, 1, 100),
  QUERY_MAX_ALIASES: integer(30, 0, 1000),
  QUERY_MAX_DIRECTIVES: integer(20, 0, 1000),
  QUERY_MAX_TOKENS: integer(2000, 10, 100_000),
  QUERY_MAX_COST: integer(5000, 1, 1_000_000),
});

/** An optional boolean variable: true/false, 1/0, yes/no. */
function flag() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .optional();
}

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://');

type Env = Record<string, string | undefined>;

/** Parses and validates the environment; throws one ConfigError naming every problem. */
export function loadConfig(env: Env): GatewayConfig {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const base = parsed.data;
  const vendors = readVendorSettings(env);
  const cardReads = parseCardReadSettings(env, vendors === null);
  if (!cardReads.ok) throw new ConfigError(`Invalid configuration: ${cardReads.problems.join('; ')}`);
  const http: HttpSettings = {
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
  return {
    mode: vendors ? 'live' : 'sandbox',
    port: base.PORT,
    // The sandbox allows anonymous access, so by default it listens on loopback only.
    host: base.HOST ?? (vendors ? '0.0.0.0' : '127.0.0.1'),
    logLevel: base.LOG_LEVEL,
    http,
    vendorHttp: vendorHttpSettings(http, env),
    vendors,
    sandboxLatencyMs: base.SANDBOX_LATENCY_MS,
    benchDisableDataLoader: base.BENCH_DISABLE_DATALOADER ?? false,
    security: securitySettings(base, vendors === null),
    cardReads: cardReads.settings,
  };
}

function securitySettings(base: z.infer<typeof baseSchema>, sandbox: boolean): SecuritySettings {
  const problems: string[] = [];
  let jwt: SecuritySettings['jwt'] = null;
  if (base.AUTH_JWT_SECRET || base.AUTH_JWKS_URL) {
    if (base.AUTH_JWT_SECRET && base.AUTH_JWKS_URL) problems.push('set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
    if (!base.AUTH_JWT_ISSUER) problems.push('AUTH_JWT_ISSUER is required when JWTs are accepted');
    if (!base.AUTH_JWT_AUDIENCE) problems.push('AUTH_JWT_AUDIENCE is required when JWTs are accepted');
    jwt = { secret: base.AUTH_JWT_SECRET, jwksUrl: base.AUTH_JWKS_URL, issuer: base.AUTH_JWT_ISSUER ?? '', audience: base.AUTH_JWT_AUDIENCE ?? '' };
  }
  const apiKeys = parseApiKeys(base.AUTH_API_KEYS ?? '', problems);
  const allowAnonymous = base.AUTH_ALLOW_ANONYMOUS ?? sandbox;
  if (!sandbox && !allowAnonymous && !jwt && apiKeys.length === 0) {
    problems.push('live mode needs client authentication: set AUTH_JWT_SECRET or AUTH_JWKS_URL (with AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE) and/or AUTH_API_KEYS, or AUTH_ALLOW_ANONYMOUS=true to accept anyone');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return {
    allowAnonymous,
    jwt,
    apiKeys,
    introspection: base.INTROSPECTION ?? sandbox,
    graphiql: base.GRAPHIQL ?? sandbox,
    corsOrigins: (base.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    maxBodyBytes: base.MAX_BODY_BYTES,
    maxWebSocketConnections: base.MAX_WS_CONNECTIONS,
    limits: {
      maxDepth: base.QUERY_MAX_DEPTH,
      maxAliases: base.QUERY_MAX_ALIASES,
      maxDirectives: base.QUERY_MAX_DIRECTIVES,
      maxTokens: base.QUERY_MAX_TOKENS,
      maxCost: base.QUERY_MAX_COST,
    },
  };
}

/** AUTH_API_KEYS: comma-separated `label:key` or `label:key:scope scope`. */
function parseApiKeys(raw: string, problems: string[]): ApiKeySetting[] {
  const keys: ApiKeySetting[] = [];
  for (const [index, entry] of raw.split(',').map((part) => part.trim()).filter(Boolean).entries()) {
    // Scopes may contain colons themselves (keyway:trackdata): only the first two separate fields.
    const [label, key, ...scopeParts] = entry.split(':');
    const scopes = scopeParts.join(':');
    if (!label || !key || key.length < 16) {
      problems.push(`AUTH_API_KEYS entry ${index + 1} must be label:key with a key of at least 16 characters`);
      continue;
    }
    keys.push({ label, key, scopes: scopes.split(/\s+/).filter(Boolean) });
  }
  return keys;
}

/** Per-vendor overrides, e.g. AKTION_REQUEST_TIMEOUT_MS, on top of the VENDOR_* defaults. */
const VENDOR_OVERRIDES = {
  CONNECT_TIMEOUT_MS: { key: 'connectTimeoutMs', max: 600_000 },
  HEADERS_TIMEOUT_MS: { key: 'headersTimeoutMs', max: 600_000 },
  BODY_TIMEOUT_MS: { key: 'bodyTimeoutMs', max: 600_000 },
  REQUEST_TIMEOUT_MS: { key: 'requestTimeoutMs', max: 600_000 },
  CONNECTIONS: { key: 'connectionsPerVendor', max: 1024 },
} as const;

function vendorHttpSettings(defaults: HttpSettings, env: Env): Record<VendorName, HttpSettings> {
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

function readVendorSettings(env: Env): VendorSettings | null {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const urlNames = Object.values(VENDOR_VARIABLES).map((names) => names[0]);
  if (!urlNames.some((name) => value(name))) return null;

  const missing = Object.values(VENDOR_VARIABLES)
    .flat()
    .filter((name) => !value(name));
  const invalid = urlNames
    .filter((name) => value(name) && !httpUrl.safeParse(value(name)).success)
    .map((name) => `${name} is not an http(s) URL`);
  if (missing.length > 0 || invalid.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
    parts.push(...invalid);
    throw new ConfigError(
      `Live mode (a vendor URL is set) needs every vendor's settings: ${parts.join('; ')}. ` +
        'Unset all vendor URLs to run on the sandbox instead.',
    );
  }
  const get = (name: string) => value(name) as string;
  return {
    cardexchange: { url: get('CARDEXCHANGE_URL'), apiKey: get('CARDEXCHANGE_API_KEY') },
    aktion: { url: get('AKTION_URL'), userLogin: get('AKTION_USER_LOGIN'), apiKey: get('AKTION_API_KEY') },
    cardwizard: { url: get('CARDWIZARD_URL'), jwt: get('CARDWIZARD_JWT') },
    blusky: { url: get('BLUSKY_URL'), token: get('BLUSKY_TOKEN') },
  };
}
