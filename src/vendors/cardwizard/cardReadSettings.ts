/**
 * Settings of card-read tracking, read from the environment by src/config/ (nothing else reads it):
 *   CARD_READ_POLL_INTERVAL_MS     how often the gateway asks CardWizard about a pending read
 *                                  (default 1000, bounded 100..30000)
 *   CARD_READ_DEADLINE_MS          how long one request is tracked before its subscribers are let go
 *                                  (default 120000, bounded 1000..3600000)
 *   CARD_READ_TRACK_DATA_VISIBLE   whether callers see track data (true/false; default true in
 *                                  sandbox mode, false in live mode; see trackDataAccess.ts)
 */
import { z } from 'zod';

export interface CardReadSettings {
  pollIntervalMs: number;
  deadlineMs: number;
  trackDataVisible: boolean;
}

export const POLL_INTERVAL_BOUNDS = { min: 100, max: 30_000, fallback: 1_000 } as const;
export const DEADLINE_BOUNDS = { min: 1_000, max: 3_600_000, fallback: 120_000 } as const;

const bounded = (bounds: { min: number; max: number; fallback: number }) =>
  z.coerce.number().int().min(bounds.min).max(bounds.max).default(bounds.fallback);

const schema = z.object({
  CARD_READ_POLL_INTERVAL_MS: bounded(POLL_INTERVAL_BOUNDS),
  CARD_READ_DEADLINE_MS: bounded(DEADLINE_BOUNDS),
  CARD_READ_TRACK_DATA_VISIBLE: z.enum(['true', 'false']).optional(),
});

export type CardReadSettingsResult = { ok: true; settings: CardReadSettings } | { ok: false; problems: string[] };

export function parseCardReadSettings(env: Record<string, string | undefined>, sandbox: boolean): CardReadSettingsResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const values = parsed.data;
  if (values.CARD_READ_POLL_INTERVAL_MS > values.CARD_READ_DEADLINE_MS) {
    return { ok: false, problems: ['CARD_READ_POLL_INTERVAL_MS must not be longer than CARD_READ_DEADLINE_MS'] };
  }
  return {
    ok: true,
    settings: {
      pollIntervalMs: values.CARD_READ_POLL_INTERVAL_MS,
      deadlineMs: values.CARD_READ_DEADLINE_MS,
      trackDataVisible: values.CARD_READ_TRACK_DATA_VISIBLE === undefined ? sandbox : values.CARD_READ_TRACK_DATA_VISIBLE === 'true',
    },
  };
}

/** Defaults, for code paths that start a gateway without a parsed environment. */
export function defaultCardReadSettings(sandbox: boolean): CardReadSettings {
  return { pollIntervalMs: POLL_INTERVAL_BOUNDS.fallback, deadlineMs: DEADLINE_BOUNDS.fallback, trackDataVisible: sandbox };
}
