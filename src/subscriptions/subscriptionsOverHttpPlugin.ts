/**
 * Subscriptions need a lasting connection: they are served over graphql-ws on the same URL, never
 * over plain HTTP. An HTTP request carrying a subscription gets a clear 400 instead of being run as
 * a one-shot query (which would start nothing and fail obscurely).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';

export const subscriptionsOverHttpPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(
          'Subscriptions are served over WebSocket (the graphql-ws protocol) at this same URL, e.g. ws://host:port/graphql; HTTP cannot carry them.',
          { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
        );
      },
    };
  },
};
