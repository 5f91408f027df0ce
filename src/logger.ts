/**
 * The gateway's one logger (pino, JSON lines). Redaction is a safety net: code must not log secrets
 * in the first place, but if a header or credential object slips into a log line, pino masks it.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.jwt',
  'headers.JWT',
  '*.apiKey',
  '*.ApiKey',
  '*.token',
  '*.Token',
  '*.jwt',
  '*.password',
  '*.PIN',
  '*.pin',
  '*.TrackData',
  '*.trackData',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'keyway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
