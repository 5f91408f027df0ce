/**
 * The gateway's configuration, read from the environment once at start-up and validated.
 * Nothing else in the gateway reads `process.env`: tests pass an env object instead.
 *
 * Sandbox mode: no vendor URL is set at all. The four simulators start in-process with demo data.
 * Live mode: any vendor URL is set. Then every vendor's settings must be present; we never fall
 * back to a simulator in live mode, because a card written to a fake vendor is lost data.
 */
import { parseCardReadSettings, type CardReadSettings } from '../vendors/cardwizard/cardReadSettings';
import type { OperationExecutorOptions } from '../execution/operationExecutor';
import { ConfigError } from './configError';
import { envSchema, type Env } from './envSchema';
import { defaultHttpSettings, vendorHttpSettings, type HttpSettings } from './httpSettings';
import { securitySettings, type SecuritySettings } from './securitySettings';
import { readVendorSettings, type VendorName, type VendorSettings } from './vendorSettings';

export { ConfigError } from './configError';
export type { HttpSettings } from './httpSettings';
export type { ApiKeySetting, SecuritySettings } from './securitySettings';
export type { AktionSettings, BluskySettings, CardExchangeSettings, CardWizardSettings, VendorName, VendorSettings } from './vendorSettings';

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
  /** How operations run: compiled with graphql-jit once repeated (src/execution/operationExecutor.ts). */
  execution: OperationExecutorOptions;
  /** Card-read tracking (CARD_READ_* variables, see vendors/cardwizard/cardReadSettings.ts). */
  cardReads: CardReadSettings;
}

/** Parses and validates the environment; throws one ConfigError naming every problem. */
export function loadConfig(env: Env): GatewayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const base = parsed.data;
  const vendors = readVendorSettings(env);
  const cardReads = parseCardReadSettings(env, vendors === null);
  if (!cardReads.ok) throw new ConfigError(`Invalid configuration: ${cardReads.problems.join('; ')}`);
  const http = defaultHttpSettings(base);
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
    execution: { jit: base.GRAPHQL_JIT ?? true, compileAfter: base.GRAPHQL_JIT_AFTER, fastPath: base.GRAPHQL_FAST_PATH ?? true },
    cardReads: cardReads.settings,
  };
}
