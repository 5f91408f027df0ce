import { ConfigError, loadConfig } from '../../src/config';
import { LIVE_ENV } from '../helpers/liveEnv';

const LIVE = LIVE_ENV;

describe('loadConfig', () => {
  it('runs in sandbox mode when no vendor URL is set, on loopback by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'sandbox', vendors: null, port: 4000, host: '127.0.0.1' });
  });

  it('runs in live mode with every vendor set', () => {
    const config = loadConfig({ ...LIVE, PORT: '8080' });
    expect(config.mode).toBe('live');
    expect(config.port).toBe(8080);
    expect(config.vendors?.aktion).toEqual({ url: 'https://aktion.example/api', userLogin: 'gateway', apiKey: 'k' });
  });

  it('names every missing variable in one message when one vendor URL is set', () => {
    expect(() => loadConfig({ CARDEXCHANGE_URL: 'https://tenant.example' })).toThrow(ConfigError);
    try {
      loadConfig({ CARDEXCHANGE_URL: 'https://tenant.example' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['CARDEXCHANGE_API_KEY', 'AKTION_URL', 'AKTION_USER_LOGIN', 'AKTION_API_KEY', 'CARDWIZARD_URL', 'CARDWIZARD_JWT', 'BLUSKY_URL', 'BLUSKY_TOKEN']) {
        expect(message).toContain(name);
      }
      expect(message).not.toContain('CARDEXCHANGE_URL,');
    }
  });

  it('rejects a vendor URL that is not http(s)', () => {
    expect(() => loadConfig({ ...LIVE, BLUSKY_URL: 'ftp://x' })).toThrow(/BLUSKY_URL is not an http\(s\) URL/);
  });

  it('compiles repeated operations with graphql-jit and answers them on the fast path by default; GRAPHQL_JIT, GRAPHQL_JIT_AFTER and GRAPHQL_FAST_PATH change that', () => {
    expect(loadConfig({}).execution).toEqual({ jit: true, compileAfter: 1, fastPath: true });
    expect(loadConfig({ GRAPHQL_JIT: 'false', GRAPHQL_JIT_AFTER: '0' }).execution).toEqual({ jit: false, compileAfter: 0, fastPath: true });
    expect(loadConfig({ GRAPHQL_FAST_PATH: 'false' }).execution).toEqual({ jit: true, compileAfter: 1, fastPath: false });
    expect(() => loadConfig({ GRAPHQL_FAST_PATH: 'sometimes' })).toThrow(/GRAPHQL_FAST_PATH/);
    expect(() => loadConfig({ GRAPHQL_JIT_AFTER: '-1' })).toThrow(/GRAPHQL_JIT_AFTER/);
    expect(() => loadConfig({ GRAPHQL_JIT: 'maybe' })).toThrow(/GRAPHQL_JIT/);
  });

  it('rejects malformed numbers naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ VENDOR_REQUEST_TIMEOUT_MS: '0' })).toThrow(/VENDOR_REQUEST_TIMEOUT_MS/);
  });

  it('refuses live mode without client authentication unless anonymous access is asked for', () => {
    const { AUTH_API_KEYS: _keys, ...noAuth } = LIVE;
    expect(() => loadConfig(noAuth)).toThrow(/live mode needs client authentication/);
    expect(loadConfig({ ...noAuth, AUTH_ALLOW_ANONYMOUS: 'true' }).security.allowAnonymous).toBe(true);
  });

  it('turns introspection and GraphiQL off in live mode by default, on in the sandbox', () => {
    expect(loadConfig(LIVE).security).toMatchObject({ introspection: false, graphiql: false, allowAnonymous: false, corsOrigins: [] });
    expect(loadConfig({}).security).toMatchObject({ introspection: true, graphiql: true, allowAnonymous: true });
    expect(loadConfig({ ...LIVE, INTROSPECTION: 'true', GRAPHIQL: '1' }).security).toMatchObject({ introspection: true, graphiql: true });
  });

  it('requires issuer and audience with JWT authentication, and a strong secret', () => {
    expect(() => loadConfig({ ...LIVE, AUTH_JWT_SECRET: 'x'.repeat(32) })).toThrow(/AUTH_JWT_ISSUER is required.*AUTH_JWT_AUDIENCE is required/);
    expect(() => loadConfig({ ...LIVE, AUTH_JWT_SECRET: 'short', AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })).toThrow(/AUTH_JWT_SECRET/);
  });

  it('parses API keys with labels and scopes, and rejects short keys', () => {
    const config = loadConfig({ ...LIVE, AUTH_API_KEYS: 'ops:0123456789abcdef0123:keyway:trackdata, web:fedcba9876543210fedc' });
    expect(config.security.apiKeys).toEqual([
      { label: 'ops', key: '0123456789abcdef0123', scopes: ['keyway:trackdata'] },
      { label: 'web', key: 'fedcba9876543210fedc', scopes: [] },
    ]);
    expect(() => loadConfig({ ...LIVE, AUTH_API_KEYS: 'ops:short' })).toThrow(/AUTH_API_KEYS entry 1/);
  });

  it('takes per-vendor timeout and connection overrides', () => {
    const config = loadConfig({ AKTION_REQUEST_TIMEOUT_MS: '2500' });
    expect(config.vendorHttp.aktion.requestTimeoutMs).toBe(2500);
    expect(config.vendorHttp.cardexchange.requestTimeoutMs).toBe(15000);
    expect(() => loadConfig({ BLUSKY_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/BLUSKY_CONNECT_TIMEOUT_MS/);
    expect(loadConfig({ CARDEXCHANGE_CONNECTIONS: '128' }).vendorHttp.cardexchange.connectionsPerVendor).toBe(128);
    expect(loadConfig({ CARDEXCHANGE_CONNECTIONS: '128' }).vendorHttp.aktion.connectionsPerVendor).toBe(32);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ CARDEXCHANGE_URL: '  ' }).mode).toBe('sandbox');
  });
});
