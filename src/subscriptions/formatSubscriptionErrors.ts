/**
 * Errors sent over graphql-ws get the same treatment as over HTTP: deliberate errors keep their
 * code, anything else is masked as INTERNAL_SERVER_ERROR with the request id (and logged), and
 * secret input values are masked in every message.
 */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { ErrorCode } from '../errors/codes';
import { formatError, isDeliberate } from '../errors/formatError';
import { maskSecrets } from '../errors/secretInputs';

/** graphql-js's messages for variables that do not fit their declared types. */
const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

export function formatSubscriptionErrors(
  errors: readonly GraphQLError[],
  secrets: readonly string[],
  context: Pick<GatewayContext, 'logger' | 'requestId'> | undefined,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (!isDeliberate(error)) context?.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
    const formatted = formatError(error.toJSON(), error);
    const extensions = { ...formatted.extensions };
    if (extensions.code === ErrorCode.INTERNAL_SERVER_ERROR && context) extensions.requestId = context.requestId;
    // Over HTTP, Apollo codes variable coercion errors BAD_USER_INPUT; graphql-js leaves them bare.
    if (extensions.code === undefined && !error.path && VARIABLE_ERROR.test(error.message)) extensions.code = ErrorCode.BAD_USER_INPUT;
    return { ...formatted, message: maskSecrets(formatted.message, secrets), extensions };
  });
}
