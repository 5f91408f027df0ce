/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own HTTP server and path, for
 * subscriptions (and any operation a graphql-ws client sends). The same rules as over HTTP apply:
 * the caller is authenticated when the connection opens (credentials in the upgrade request's
 * headers, or in `connectionParams` for browsers, e.g. `{ "authorization": "Bearer <JWT>" }` or
 * `{ "x-api-key": "<key>" }`), the same query limits validate every operation, errors are masked
 * alike, and every operation gets a fresh context with fresh DataLoaders.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { SecuritySettings } from '../config';
import { createContext, type ContextOptions, type GatewayContext } from '../context';
import { secretValuesOf } from '../errors/secretInputs';
import { createAuthenticator } from '../security/authenticate';
import type { Caller } from '../security/caller';
import { formatSubscriptionErrors } from './formatSubscriptionErrors';
import { isAllowedOrigin } from './sameOriginOrAllowed';

export interface SubscriptionServerOptions {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  contextOptions: ContextOptions;
  security: SecuritySettings;
  /** Extra validation rules (the query limits HTTP requests get). */
  validationRules?: readonly ValidationRule[];
}

export interface SubscriptionServer {
  /** Number of open WebSocket connections. */
  readonly connections: number;
  /** Ends every subscription, closes every socket, stops accepting new ones. */
  close(): Promise<void>;
}

type ConnectionExtra = { caller: Caller };

const CLOSE_GRACE_MS = 500;

export function attachSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const { security } = options;
  const authenticate = createAuthenticator(security);
  const rules = [...specifiedRules, ...(options.validationRules ?? []), ...(security.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: security.maxBodyBytes,
    verifyClient: ({ req }: { req: IncomingMessage }, accept: (ok: boolean, status?: number, message?: string) => void) => {
      if (!isAllowedOrigin(req, security.corsOrigins)) return accept(false, 401, 'Origin not allowed');
      // Every connection holds a socket and may hold poll loops: cap them so a flood cannot exhaust the process.
      if (wss.clients.size >= security.maxWebSocketConnections) return accept(false, 503, 'Too many WebSocket connections');
      accept(true);
    },
  });

  const graphqlWs = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: options.schema,
      // Parse and validate here rather than in graphql-ws, which would close the whole socket on a
      // syntax error: a bad operation gets an `error` message, coded as over HTTP.
      onSubscribe: (_ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: security.limits.maxTokens });
        } catch (error) {
          return [withCode(error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed.'), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onConnect: async (ctx) => {
        const result = await authenticate({ ...ctx.extra.request.headers, ...credentialParams(ctx.connectionParams) });
        if (!result.ok) return false; // graphql-ws closes the socket with 4403 Forbidden
        ctx.extra.caller = result.caller;
        return true;
      },
      // Called once per operation: every subscription gets fresh DataLoaders.
      context: (ctx) => createContext(options.contextOptions, randomUUID(), ctx.extra.caller),
      onNext: (_ctx, _id, payload, args, result) => {
        if (!result.errors?.length) return undefined;
        const context = args.contextValue as GatewayContext | undefined;
        return { ...result, errors: formatSubscriptionErrors(result.errors, secretValuesOf(payload.variables, payload.query), context) };
      },
      // Errors before execution (parse, validation): no context exists yet.
      onError: (_ctx, _id, payload, errors) => formatSubscriptionErrors(errors, secretValuesOf(payload.variables, payload.query), undefined),
    },
    wss,
  );

  return {
    get connections() {
      return wss.clients.size;
    },
    async close() {
      const sockets = [...wss.clients];
      const closed = Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve))));
      await graphqlWs.dispose(); // "1001 Going away" to every client; their subscriptions end
      // Give clients a moment to answer the close handshake, then cut the ones that do not.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
      clearTimeout(timer);
      for (const socket of sockets) socket.terminate();
    },
  };
}

/** Credentials a browser client passes in `connectionParams` (it cannot set upgrade headers). */
function credentialParams(params: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const key = name.toLowerCase();
    if ((key === 'authorization' || key === 'x-api-key') && typeof value === 'string') headers[key] = value;
  }
  return headers;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
