/** Counts and times GraphQL requests for /metrics (see metrics.ts). */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { graphqlRequestDuration, graphqlRequests } from './metrics';

/** One answered GraphQL request; `startedAt` is the context's, so both request paths time alike. */
export function recordGraphQLRequest(operation: string, failed: boolean, startedAt: number): void {
  graphqlRequests.inc({ operation, outcome: failed ? 'error' : 'ok' });
  graphqlRequestDuration.observe({ operation }, (performance.now() - startedAt) / 1000);
}

export const metricsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, response, contextValue }) {
        const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
        recordGraphQLRequest(operation?.operation ?? 'unknown', failed, contextValue.startedAt);
      },
    };
  },
};
