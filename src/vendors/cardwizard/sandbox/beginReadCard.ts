/**
 * `POST /CardWizard/Api/CMCDevices/{id}/CardRequests?action=beginreadcard`:
 * creates a card request and answers 201 with its id as a JSON string.
 *
 * Checks run in the order Web API would: authentication (filter) first, then
 * binding of id, action and body (400/415), then the action's own checks:
 * ReadTrackData permission, device lookup, device behaviour.
 */
import type { SeededRandom } from '../../../sandbox/random';
import type { SimHandler } from '../../../sandbox/simulatorServer';
import type { CardRequestStore } from './cardRequestStore';
import type { DemoDevice } from './demoDevices';
import { readDeviceMessage } from './deviceMessage';
import { cardWizardExceptions, exceptionBody } from './exceptions';
import { identifyCaller, type JwtConfig } from './jwtAuth';
import { planReadOutcome } from './readOutcome';
import { invalidDeviceIdDetail, parseDeviceId, queryValue } from './routeValues';
import { BEGIN_READ_CARD_ACTION, cardRequestPath } from './tracking';
import { invalidRequest, notFound, unauthorized, unsupportedMediaType } from '../../../sandbox/aspNetWebApiErrors';

export interface CardWizardContext {
  auth: JwtConfig;
  devices: ReadonlyMap<number, DemoDevice>;
  store: CardRequestStore;
  random: SeededRandom;
  /** Path prefix of the gateway's base URL (`/CardWizard`), for the Location header. */
  basePath: string;
}

export function beginReadCard(context: CardWizardContext): SimHandler {
  return (request) => {
    const caller = identifyCaller(request, context.auth);
    if (!caller) return unauthorized();

    const deviceId = parseDeviceId(request.params.id);
    if (deviceId === undefined) return invalidRequest(invalidDeviceIdDetail(request.params.id));

    const action = queryValue(request, 'action');
    if (action === undefined || action.toLowerCase() !== BEGIN_READ_CARD_ACTION) {
      return invalidRequest(
        `Unsupported action '${action ?? ''}': the only documented action is '${BEGIN_READ_CARD_ACTION}'.`,
      );
    }

    const body = readDeviceMessage(request);
    if (!body.ok) {
      return body.problem === 'unsupportedMediaType' ? unsupportedMediaType(body.mediaType) : invalidRequest(body.detail);
    }

    if (caller === 'withoutReadPermission') {
      const spec = cardWizardExceptions.ReadCardNotAuthorizedException;
      return {
        status: spec.status,
        body: exceptionBody(
          'ReadCardNotAuthorizedException',
          'Not allowed to read card: the user lacks the ReadTrackData permission.',
        ),
      };
    }

    const device = context.devices.get(deviceId);
    if (!device) return notFound(`No CMC device with id ${deviceId} was found.`);

    const { behaviour } = device;
    if (behaviour.kind === 'rejects') {
      return { status: cardWizardExceptions[behaviour.exception].status, body: exceptionBody(behaviour.exception) };
    }

    const outcome = planReadOutcome(behaviour, body.message, context.random);
    const created = context.store.create(deviceId, body.message, outcome);
    return {
      status: 201,
      body: created.id,
      headers: { Location: `${context.basePath}${cardRequestPath(deviceId, created.id)}` },
    };
  };
}
