/**
 * The gateway's HTTP server: a plain node:http server hosting Apollo Server through
 * `executeHTTPGraphQLRequest` (Apollo's documented integration API), so the same port can also
 * carry graphql-ws subscriptions and the gateway's own routes. A repeated operation sent as a plain
 * JSON POST is answered on the fast path (src/execution/fastPath.ts) when that gives the same answer.
 * Routes:
 *   /graphql   POST and GET GraphQL; GET from a browser (Accept: text/html) gets GraphiQL
 *   /healthz   the process is alive
 *   /readyz    configuration loaded and accepting traffic; 503 once shutdown has started
 *   /metrics   Prometheus metrics (authenticated like GraphQL)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createContext, type ContextOptions, type GatewayContext } from './context';
import { executorGateway } from './execution/executorGateway';
import { OperationExecutor, type OperationExecutorOptions } from './execution/operationExecutor';
import { FastPath, successBody, withQueryText, type FastPathRequest } from './execution/fastPath';
import { formatError } from './errors/formatError';
import { maskingPlugin } from './errors/maskingPlugin';
import { secretMaskingPlugin } from './errors/secretMaskingPlugin';
import { attachSubscriptions, type SubscriptionServer } from './subscriptions/subscriptionServer';
import { subscriptionsOverHttpPlugin } from './subscriptions/subscriptionsOverHttpPlugin';
import { loadGraphiqlPage, serveGraphiql, wantsGraphiql } from './graphiql';
import { BodyTooLargeError, readBody } from './http/readBody';
import type { SecuritySettings } from './config';
import { metricsRegistry } from './observability/metrics';
import { metricsPlugin, recordGraphQLRequest } from './observability/metricsPlugin';
import { createAuthenticator } from './security/authenticate';
import { applyCors } from './security/cors';
import { queryLimits } from './security/queryLimits';

export const GRAPHQL_PATH = '/graphql';

export interface GatewayServerOptions extends ContextOptions {
  schema: GraphQLSchema;
  security: SecuritySettings;
  /** Default: compile an operation with graphql-jit from its second run, then answer it on the fast path. */
  execution?: OperationExecutorOptions;
}

export interface GatewayServer {
  server: Server;
  /** Runs queries and mutations (compiled once repeated). */
  executor: OperationExecutor;
  apollo: ApolloServer<GatewayContext>;
  /** graphql-ws on the same port and path (subscriptions). */
  subscriptions: SubscriptionServer;
  /** Marks the gateway as not ready (shutdown has begun). */
  setReady(ready: boolean): void;
}

export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const { security } = options;
  const limits = queryLimits(security);
  const authenticate = createAuthenticator(security);
  const executor = new OperationExecutor(options.schema, options.execution ?? { jit: true, compileAfter: 1 }, new FastPath());
  const apollo = new ApolloServer<GatewayContext>({
    // Apollo parses, validates and runs the plugins; OperationExecutor executes (see src/execution/).
    gateway: executorGateway(options.schema, executor),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: security.introspection,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: security.limits.maxTokens },
    // Batched HTTP requests (an array of operations in one body) stay off: one request, one operation.
    allowBatchedHttpRequests: false,
    // index.ts owns shutdown (drain HTTP, then vendor pools); Apollo's own handler would re-raise
    // the signal and end the process before that finishes.
    stopOnTerminationSignals: false,
    // Our own GraphiQL page replaces Apollo's landing page, which loads from a CDN.
    // Cache control stays off: the schema has no @cacheControl hints, so it would never set a header,
    // yet its willResolveField hook makes Apollo wrap every resolver of the schema (profile of
    // bench scenario 2: about 8 % of the gateway's busy CPU time; see bench/RESULTS.md).
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), maskingPlugin, secretMaskingPlugin, subscriptionsOverHttpPlugin, metricsPlugin, ...limits.plugins],
  });
  await apollo.start();
  const graphiql = security.graphiql ? loadGraphiqlPage({ endpoint: GRAPHQL_PATH }) : undefined;
  const maxBodyBytes = security.maxBodyBytes;
  let ready = true;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'request handling failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (applyCors(req, res, security.corsOrigins)) return;
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'shutting down', mode: options.sandbox ? 'sandbox' : 'live' });
    }
    if (url.pathname === '/metrics') return serveMetrics(req, res);
    if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, { errors: [{ message: `Not found. GraphQL is served at ${GRAPHQL_PATH}.` }] });
    if (graphiql && wantsGraphiql(req)) return serveGraphiql(req, res, graphiql);
    return executeGraphQL(req, res, url);
  }

  /** Prometheus metrics; callers authenticate as for GraphQL (a scraper sends a key or token). */
  async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = await authenticate(req.headers);
    if (!auth.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, { errors: [{ message: auth.reason, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const body = await metricsRegistry.metrics();
    res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  async function executeGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Every answer carries the request id, refusals included (Apollo's own 400/406/415 too), so
    // a client always has something to quote to support.
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    // Authenticate before reading the body: an unknown caller costs us as little as possible.
    const auth = await authenticate(req.headers);
    if (!auth.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, { errors: [{ message: auth.reason, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    let raw: string;
    try {
      raw = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(res, 413, { errors: [{ message: `Request body is larger than ${maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      throw error;
    }
    let body: unknown = raw;
    if (raw !== '' && /json/i.test(req.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const context = createContext(options, requestId, auth.caller);
    const method = (req.method ?? 'GET').toUpperCase();
    const request: FastPathRequest = { method, headers: req.headers, body, search: url.search };
    if ((method === 'GET' || (method === 'POST' && body !== raw)) && (await answerOnFastPath(res, request, context))) return;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // The fast path may have added the text of a persisted query it ran (withQueryText).
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: request.search ?? url.search, body: request.body };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /**
   * Answers a repeated operation asked for in the plain way without Apollo's pipeline (see
   * fastPath.ts); false when Apollo must answer. An answer with errors is left for Apollo to format,
   * as the result of this very execution (`context.handedOver`), so nothing runs twice; `request`
   * then carries what Apollo is to read (see withQueryText).
   */
  async function answerOnFastPath(res: ServerResponse, request: FastPathRequest, context: GatewayContext): Promise<boolean> {
    const fastPath = executor.fastPath;
    if (!fastPath) return false;
    const match = fastPath.match(request);
    if (!match || executor.variableErrors(match.prepared, match.variables)) return false;
    const execution = executor.runCompiled(match.prepared, match.variables, context);
    const result = await execution.catch(() => undefined);
    if (!result || result.errors) {
      context.handedOver = execution;
      if (match.persistedSource !== undefined) withQueryText(request, match.persistedSource);
      fastPath.handedOver += 1;
      return false;
    }
    const payload = successBody(result);
    res.writeHead(200, { 'content-type': match.contentType, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
    recordGraphQLRequest(match.prepared.operation.operation, false, context.startedAt);
    fastPath.answered += 1;
    return true;
  }

  const subscriptions = attachSubscriptions({
    server,
    path: GRAPHQL_PATH,
    schema: options.schema,
    contextOptions: options,
    security,
    validationRules: limits.validationRules,
  });

  return { server, apollo, executor, subscriptions, setReady: (value) => (ready = value) };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
