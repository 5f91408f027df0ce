/**
 * What clients see of errors. Deliberate errors (GatewayError, GraphQL validation and input
 * coercion errors) pass through with their code; anything else is a bug or an unforeseen failure
 * and becomes a generic INTERNAL_SERVER_ERROR. Its details go to the log only (see maskingPlugin).
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './codes';

export const INTERNAL_MESSAGE = 'Something went wrong inside the gateway. Quote the request id to support.';

export function isDeliberate(error: unknown): boolean {
  const original = unwrapResolverError(error);
  // GraphQLErrors are ours (GatewayError), graphql-js's (validation, scalar and enum coercion) or
  // Apollo's (parse, variables, persisted queries): all written for clients. A plain Error is not.
  return original instanceof GraphQLError;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isDeliberate(error)) {
    // Never pass on stack traces or a `cause`, even if something put them in extensions.
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
