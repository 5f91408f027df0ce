/**
 * Logs every unexpected error with the request id, and puts that request id into the masked
 * INTERNAL_SERVER_ERROR the client receives, so support can find the log line.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { ErrorCode } from './codes';
import { isDeliberate } from './formatError';

export const maskingPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (isDeliberate(error)) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && code.startsWith('VENDOR_')) {
              contextValue.logger.warn({ code, vendor: error.extensions.vendor, path: error.path, msg2: error.message }, 'vendor error');
            }
            continue;
          }
          contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
        }
      },
      async willSendResponse({ contextValue, response }) {
        response.http.headers.set('x-request-id', contextValue.requestId);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
