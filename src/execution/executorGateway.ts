/**
 * Plugs OperationExecutor into Apollo Server. Apollo's documented way to run operations with an
 * executor of one's own is its `gateway` option (what Apollo Federation's gateway uses): Apollo
 * still parses, validates (with our query limits), runs every plugin hook and formats errors, and
 * hands the validated operation to the executor. The schema never changes at run time, so it is
 * announced once, when Apollo loads the "gateway".
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import type { OperationExecutor } from './operationExecutor';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

export function executorGateway(schema: GraphQLSchema, executor: OperationExecutor): GatewayInterface {
  const listeners = new Set<SchemaListener>();
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      // coreSupergraphSdl is for Apollo's federation tooling; this is not a supergraph.
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: (requestContext) =>
          // The fast path has already run this operation (its answer has errors for Apollo to format).
          requestContext.context.handedOver ??
          executor.execute({
            document: requestContext.document,
            operation: requestContext.operation,
            operationName: requestContext.operationName,
            variables: requestContext.request.variables,
            contextValue: requestContext.context,
            source: requestContext.source,
            requestedOperationName: requestContext.request.operationName,
            // Apollo's queryHash is the client's hash whenever the request was a persisted query.
            persistedQueryHash: requestContext.request.extensions?.persistedQuery ? requestContext.queryHash : undefined,
          }),
      };
    },
    async stop() {},
  };
}
