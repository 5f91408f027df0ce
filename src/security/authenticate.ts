/**
 * Client authentication: a bearer JWT (HS256 shared secret, or any algorithm the configured JWKS
 * offers; issuer and audience always checked) or an API key (`X-API-Key` header, or
 * `Authorization: ApiKey <key>`) from the configured list. Keys are compared as SHA-256 digests
 * with timingSafeEqual, so response times do not reveal how much of a key was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { SecuritySettings } from '../config';
import { ANONYMOUS, type Caller } from './caller';

export type AuthResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export type Authenticator = (headers: Record<string, string | string[] | undefined>) => Promise<AuthResult>;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createAuthenticator(settings: Pick<SecuritySettings, 'allowAnonymous' | 'jwt' | 'apiKeys'>): Authenticator {
  const keys = settings.apiKeys.map((entry) => ({ ...entry, digest: digest(entry.key) }));
  const jwt = settings.jwt;
  const jwtKey: Uint8Array | JWTVerifyGetKey | undefined = jwt?.secret
    ? new TextEncoder().encode(jwt.secret)
    : jwt?.jwksUrl
      ? createRemoteJWKSet(new URL(jwt.jwksUrl))
      : undefined;

  async function verifyJwt(token: string): Promise<AuthResult> {
    if (!jwt || !jwtKey) return { ok: false, reason: 'Bearer tokens are not accepted by this gateway.' };
    try {
      const options = { issuer: jwt.issuer, audience: jwt.audience, algorithms: jwt.secret ? ['HS256'] : undefined, clockTolerance: 30 };
      const { payload } =
        jwtKey instanceof Uint8Array ? await jwtVerify(token, jwtKey, options) : await jwtVerify(token, jwtKey, options);
      const scope = typeof payload.scope === 'string' ? payload.scope.split(/\s+/).filter(Boolean) : [];
      return { ok: true, caller: { kind: 'jwt', id: String(payload.sub ?? 'unknown'), scopes: new Set(scope) } };
    } catch {
      // The reason stays vague on purpose: telling which check failed helps an attacker, not a user.
      return { ok: false, reason: 'The bearer token is invalid or expired.' };
    }
  }

  function verifyApiKey(key: string): AuthResult {
    const candidate = digest(key);
    const match = keys.find((entry) => timingSafeEqual(entry.digest, candidate));
    return match ? { ok: true, caller: { kind: 'apiKey', id: match.label, scopes: new Set(match.scopes) } } : { ok: false, reason: 'The API key is not valid.' };
  }

  return async (headers) => {
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const authorization = header('authorization')?.trim();
    const apiKey = header('x-api-key')?.trim();
    if (apiKey) return verifyApiKey(apiKey);
    if (authorization) {
      const [scheme, ...rest] = authorization.split(/\s+/);
      const credential = rest.join(' ');
      if (/^bearer$/i.test(scheme ?? '') && credential) return verifyJwt(credential);
      if (/^apikey$/i.test(scheme ?? '') && credential) return verifyApiKey(credential);
      return { ok: false, reason: 'Use "Authorization: Bearer <JWT>" or an "X-API-Key" header.' };
    }
    if (settings.allowAnonymous) return { ok: true, caller: ANONYMOUS };
    return { ok: false, reason: 'Authentication is required: send "Authorization: Bearer <JWT>" or an "X-API-Key" header.' };
  };
}
