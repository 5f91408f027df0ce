/**
 * API key authentication: HTTP Basic with the key as user name (the password is not needed and
 * is ignored, as the document says), or `Authorization: Bearer <key>`.
 */
import type { SimRequest, SimResponse } from '../../../../sandbox/simulatorServer';
import { problem } from './problem';

export function presentedApiKey(authorization: string | undefined): string | undefined {
  const match = /^(\w+)\s+(.+)$/.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const credentials = match[2]!.trim();
  if (scheme === 'bearer') return credentials;
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

/** Returns the 401 answer for a request without the right key, or undefined to let it through. */
export function apiKeyGuard(apiKey: string): (request: SimRequest) => SimResponse | undefined {
  return (request) => {
    const header = request.headers.authorization;
    const presented = presentedApiKey(header);
    if (presented === apiKey) return undefined;
    const detail = header
      ? 'Invalid API key provided. Send your API key as the Basic auth user name or as a Bearer token.'
      : 'No API key provided. Send your API key as the Basic auth user name or as a Bearer token.';
    return problem(401, detail, { headers: { 'WWW-Authenticate': 'Basic realm="CardExchange Cloud", Bearer' } });
  };
}
