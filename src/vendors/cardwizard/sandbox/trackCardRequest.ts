/**
 * The undocumented tracking routes (see `tracking.ts`): GET answers the
 * request's current state, DELETE cancels a pending one (409 once it ended).
 * Either configured JWT may track: the ReadTrackData permission gates only
 * the start of a read.
 */
import type { SimHandler, SimRequest, SimResponse } from '../../../sandbox/simulatorServer';
import type { CardWizardContext } from './beginReadCard';
import type { StoredCardRequest } from './cardRequestStore';
import { identifyCaller } from './jwtAuth';
import { invalidDeviceIdDetail, parseDeviceId } from './routeValues';
import { conflict, invalidRequest, notFound, unauthorized } from '../../../sandbox/aspNetWebApiErrors';

export function getCardRequest(context: CardWizardContext): SimHandler {
  return (request) => withCardRequest(context, request, (found) => ({ status: 200, body: context.store.track(found) }));
}

export function cancelCardRequest(context: CardWizardContext): SimHandler {
  return (request) =>
    withCardRequest(context, request, (found) => {
      const result = context.store.cancel(found);
      if (result.cancelled) return { status: 200, body: result.request };
      return conflict(`Card request ${found.id} has already ended (${result.state}) and cannot be cancelled.`);
    });
}

function withCardRequest(
  context: CardWizardContext,
  request: SimRequest,
  then: (found: StoredCardRequest) => SimResponse,
): SimResponse {
  if (!identifyCaller(request, context.auth)) return unauthorized();
  const deviceId = parseDeviceId(request.params.id);
  if (deviceId === undefined) return invalidRequest(invalidDeviceIdDetail(request.params.id));
  if (!context.devices.has(deviceId)) return notFound(`No CMC device with id ${deviceId} was found.`);
  const requestId = request.params.requestId ?? '';
  const found = context.store.find(deviceId, requestId);
  if (!found) return notFound(`No card request '${requestId}' was found on CMC device ${deviceId}.`);
  return then(found);
}
