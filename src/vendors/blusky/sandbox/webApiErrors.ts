/**
 * HTTP-level errors of BluSKY's Web API: the shared ASP.NET shapes, with the Bearer challenge on 401.
 * Business failures are not here: they are HTTP 200 with a ResultCode (see `resultCodes.ts`).
 */
import { unauthorized as webApiUnauthorized } from '../../../sandbox/aspNetWebApiErrors';
import type { SimResponse } from '../../../sandbox/simulatorServer';

export { invalidModel, invalidRequest, notFound, unsupportedMediaType } from '../../../sandbox/aspNetWebApiErrors';

export function unauthorized(): SimResponse {
  return webApiUnauthorized({ 'WWW-Authenticate': 'Bearer' });
}
