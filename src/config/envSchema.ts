/**
 * Every environment variable the gateway reads apart from the vendor settings, with its type,
 * range and default (zod). Vendor variables are read in vendorSettings.ts, per-vendor overrides in
 * httpSettings.ts.
 */
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const envSchema = z.object({
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
  GRAPHQL_JIT: flag(),
  GRAPHQL_JIT_AFTER: integer(1, 0, 1_000_000),
  GRAPHQL_FAST_PATH: flag(),
});

/** An optional boolean variable: true/false, 1/0, yes/no. */
function flag() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .optional();
}

export type ParsedEnv = z.infer<typeof envSchema>;
