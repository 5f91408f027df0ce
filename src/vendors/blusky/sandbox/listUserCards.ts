/**
 * `GET /api/v1/Users/UserCards?UserId=` (BluSKY's newer REST style): every
 * card entry of the user, removed ones included with `Deleted: true`. The
 * vendor returns the PIN; hiding it is the gateway's job, not the simulator's.
 * Being REST style, an unknown user is a 404 rather than a ResultCode.
 */
import type { SimHandler } from '../../../sandbox/simulatorServer';
import type { BluskyContext } from './addUserCard';
import { hasValidBearer } from './bearerAuth';
import { ModelBinder } from './modelBinding';
import { invalidRequest, notFound, unauthorized } from './webApiErrors';

export function listUserCards(context: BluskyContext): SimHandler {
  return (request) => {
    if (!hasValidBearer(request, context.token)) return unauthorized();
    // Query names bind case-insensitively, like body properties.
    const bind = new ModelBinder(Object.fromEntries(request.query));
    const userId = bind.guid('UserId');
    if (!bind.valid || userId === null) {
      return invalidRequest("The query parameter 'UserId' must be a GUID.");
    }
    if (!context.store.users.has(userId)) return notFound(`No user with UserId ${userId} exists.`);
    return { status: 200, body: context.store.listing(userId) };
  };
}
