/**
 * How long to wait before retrying an idempotent vendor call: capped exponential backoff with full
 * jitter (so many gateways retrying together do not hit a recovering vendor in lockstep), unless the
 * vendor said how long to wait with Retry-After.
 */
export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseDelayMs: 100, maxDelayMs: 2_000 };

export function backoffDelayMs(retry: number, settings: BackoffSettings = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
