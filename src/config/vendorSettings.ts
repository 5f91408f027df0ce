/**
 * The vendors' URLs and credentials. None set: sandbox mode (the simulators start). Any set: live
 * mode, and then every one must be, or start-up stops naming all that are missing: we never fall
 * back to a simulator in live mode, because a card written to a fake vendor is lost data.
 */
import { z } from 'zod';
import { ConfigError } from './configError';
import type { Env } from './envSchema';

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

/** Every vendor variable, grouped by vendor, in the order the docs list them. */
export const VENDOR_VARIABLES = {
  cardexchange: ['CARDEXCHANGE_URL', 'CARDEXCHANGE_API_KEY'],
  aktion: ['AKTION_URL', 'AKTION_USER_LOGIN', 'AKTION_API_KEY'],
  cardwizard: ['CARDWIZARD_URL', 'CARDWIZARD_JWT'],
  blusky: ['BLUSKY_URL', 'BLUSKY_TOKEN'],
} as const;

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://');

export function readVendorSettings(env: Env): VendorSettings | null {
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
