/** Who may call the gateway and how much one request may ask: authentication, policies, limits. */
import { ConfigError } from './configError';
import type { ParsedEnv } from './envSchema';

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

export function securitySettings(base: ParsedEnv, sandbox: boolean): SecuritySettings {
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
