/**
 * The Subscription root. `cardReadRequestUpdated` joins the shared poll loop of its request (see
 * src/vendors/cardwizard/cardReadTracker.ts); leaving the subscription leaves the loop.
 */
import type { SubscriptionResolvers } from '../generated/graphql';
import type { CardReadEvent } from '../vendors/cardwizard/cardReadTracker';
import { requireDeviceId, requireRequestId } from '../vendors/cardwizard/inputRules';

export const Subscription: SubscriptionResolvers = {
  cardReadRequestUpdated: {
    subscribe: (_root, { deviceId, id }, { clients }) =>
      clients.cardReadTracker.subscribe({ deviceId: requireDeviceId(deviceId), id: requireRequestId(id) }),
    resolve: (event: CardReadEvent) => {
      if (event.kind === 'error') throw event.error;
      return event.request;
    },
  },
};
