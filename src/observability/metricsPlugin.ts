/** Counts and times GraphQL requests for /metrics (see metrics.ts). */
import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlRequestDuration, graphqlRequests } from './metrics';

export const metricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ operation, response }) {
        const type = operation?.operation ?? 'unknown';
        const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
        graphqlRequests.inc({ operation: type, outcome: failed ? 'error' : 'ok' });
        graphqlRequestDuration.observe({ operation: type }, (performance.now() - started) / 1000);
      },
    };
  },
};
