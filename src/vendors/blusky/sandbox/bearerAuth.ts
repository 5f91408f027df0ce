/**
 * How BluSKY clients authenticate is not public; the gateway sends its API
 * token as `Authorization: Bearer <token>` (NOTES.md), so that is the one
 * scheme the simulator accepts. The scheme name is case-insensitive (RFC 7235).
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';

export function hasValidBearer(request: SimRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] === token;
}
