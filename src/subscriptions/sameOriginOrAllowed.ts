/**
 * Which browser pages may open a WebSocket to the gateway. Browsers send `Origin` on WebSocket
 * upgrades but do not apply CORS to them, so the check is ours: no Origin (not a browser), the
 * gateway's own origin (GraphiQL), or an origin on the CORS allow-list (CORS_ORIGINS).
 */
import type { IncomingMessage } from 'node:http';

export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === '') return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
