import { ConfigError, loadConfig } from '../../src/config';

const LIVE = {
  CARDEXCHANGE_URL: 'https://tenant.example',
  CARDEXCHANGE_API_KEY: 'sk_live_x',
  AKTION_URL: 'https://aktion.example/api',
  AKTION_USER_LOGIN: 'gateway',
  AKTION_API_KEY: 'k',
  CARDWIZARD_URL: 'https://cw.example/CardWizard',
  CARDWIZARD_JWT: 'jwt',
  BLUSKY_URL: 'https://blusky.example',
  BLUSKY_TOKEN: 't',
};

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

  it('rejects malformed numbers naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ VENDOR_REQUEST_TIMEOUT_MS: '0' })).toThrow(/VENDOR_REQUEST_TIMEOUT_MS/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ CARDEXCHANGE_URL: '  ' }).mode).toBe('sandbox');
  });
});
