/** A complete live-mode environment (every vendor set, API-key authentication) for config tests. */
export const LIVE_ENV: Record<string, string> = {
  CARDEXCHANGE_URL: 'https://tenant.example',
  CARDEXCHANGE_API_KEY: 'sk_live_x',
  AKTION_URL: 'https://aktion.example/api',
  AKTION_USER_LOGIN: 'gateway',
  AKTION_API_KEY: 'k',
  CARDWIZARD_URL: 'https://cw.example/CardWizard',
  CARDWIZARD_JWT: 'jwt',
  BLUSKY_URL: 'https://blusky.example',
  BLUSKY_TOKEN: 't',
  AUTH_API_KEYS: 'mobile:0123456789abcdef0123',
};
