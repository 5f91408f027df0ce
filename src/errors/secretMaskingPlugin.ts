/**
 * Masks secret input values (see secretInputs.ts) in every error message of an HTTP GraphQL
 * response, whoever wrote the message: the gateway, a vendor, or graphql-js's input coercion.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { maskSecrets, secretValuesOf } from './secretInputs';

export const secretMaskingPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors || errors.length === 0) return;
        const secrets = secretValuesOf(request.variables, request.query);
        if (secrets.length === 0) return;
        response.body.singleResult.errors = errors.map((error) => ({ ...error, message: maskSecrets(error.message, secrets) }));
      },
    };
  },
};
