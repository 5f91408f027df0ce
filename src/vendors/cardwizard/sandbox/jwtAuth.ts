/**
 * CardWizard takes its OAuth token in a header named `JWT` (not
 * `Authorization`). The simulator knows two tokens: one whose user holds every
 * permission, and optionally one lacking ReadTrackData, the permission the help
 * page requires for `beginreadcard`.
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';

export type Caller = 'fullAccess' | 'withoutReadPermission';

export interface JwtConfig {
  jwt: string;
  jwtWithoutReadPermission?: string;
}

/** Who is calling, or undefined when the JWT header is missing or unknown (401). */
export function identifyCaller(request: SimRequest, config: JwtConfig): Caller | undefined {
  const header = request.headers['jwt'];
  const token = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!token) return undefined;
  if (token === config.jwt) return 'fullAccess';
  if (config.jwtWithoutReadPermission !== undefined && token === config.jwtWithoutReadPermission) {
    return 'withoutReadPermission';
  }
  return undefined;
}
