/**
 * Route and query values as ASP.NET Web API binds them: `id` must be an
 * Int32, and query parameter names match case-insensitively.
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';

const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

export function parseDeviceId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^-?\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id >= INT32_MIN && id <= INT32_MAX ? id : undefined;
}

export function invalidDeviceIdDetail(raw: string | undefined): string {
  return `The parameters dictionary contains a null entry for parameter 'id' of non-nullable type 'System.Int32' (received '${raw ?? ''}'): the CMC device id must be an integer.`;
}

export function queryValue(request: SimRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of request.query) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
