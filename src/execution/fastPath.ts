/**
 * Answers a repeated operation without Apollo Server's request pipeline when nothing in that
 * pipeline could change the answer.
 *
 * Why: for a small query (bench scenario 1, one vendor call) Apollo's per-request pipeline (its
 * request context, the plugin hooks, content negotiation run twice) was ~40 % of the gateway's
 * allocations; skipping it cut the CPU per operation by ~40 % (0.58x in an A/B of scenario 1,
 * bench/RESULTS.md).
 *
 * What makes skipping safe:
 *  - Only an operation Apollo has already accepted is eligible: the same query text and the same
 *    `operationName` went through Apollo's parsing, validation (query limits included) and
 *    operation resolution and were executed compiled (OperationExecutor registers them here). The
 *    schema and the rules never change at run time, so they would accept it again.
 *  - Only the plain request shape is eligible: a string `query`, optional string `operationName`
 *    and object `variables`, no `extensions`, an `Accept` header that picks one of the two JSON
 *    answer types, and variables that coerce without error; sent either as a POST with
 *    `Content-Type: application/json` and a JSON object, or as a GET of a query operation with
 *    each parameter once (`?query=...&variables=<JSON>`), no Content-Type but one of Apollo's CSRF
 *    headers, or `Content-Type: application/json` (what Apollo itself requires of a GET). Anything
 *    else (batches, bad variables, odd bodies, a mutation over GET) goes through Apollo, which
 *    answers it as before; nothing has been executed by then.
 *  - An automatic persisted query (what mobile clients send: no `query`, and `extensions` holding
 *    only `persistedQuery: { version: 1, sha256Hash }`) is eligible too, once Apollo has run that
 *    hash: Apollo checked the hash against the query text when the client registered it, and the
 *    hash stands for that text from then on. Everything else about persisted queries (registering,
 *    a hash sent with its query, an unknown hash, another version) stays with Apollo.
 *  - Only an answer without errors is written here: `{"data":...}` with status 200, the negotiated
 *    content type and the request id, which is all Apollo and our plugins produce for such an
 *    answer. An answer with errors (or an execution that throws) is handed to Apollo as the result
 *    of the execution it would otherwise have made (`handedOver`, see executorGateway.ts), so
 *    errors are formatted, masked, logged and counted by the one pipeline, and nothing runs twice.
 * test/integration/fastPath.test.ts sends the same requests to a gateway with and without it and
 * requires identical answers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import Negotiator from 'negotiator';
import type { ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';

/** The types Apollo answers a single result with, in its order of preference (its MEDIA_TYPES). */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const APPLICATION_GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const APPLICATION_JSON_GRAPHQL_CALLBACK = 'application/json; callbackSpec=1.0; charset=utf-8';
const ANSWER_TYPES = [APPLICATION_JSON, APPLICATION_GRAPHQL_RESPONSE_JSON, APPLICATION_JSON_GRAPHQL_CALLBACK];

/** Operations kept; the oldest is dropped beyond this (a frontend sends a few dozen documents). */
const MAX_OPERATIONS = 1000;
/** Distinct Accept headers whose negotiation is remembered (clients send the same few). */
const MAX_ACCEPT_HEADERS = 100;

export interface PreparedOperation {
  compiled: CompiledQuery;
  operation: OperationDefinitionNode;
}

/** Headers whose presence Apollo's CSRF prevention accepts on a request without a Content-Type (its defaults). */
const CSRF_PREVENTION_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

export interface FastPathRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** POST: the parsed JSON body (any shape: this decides whether it is eligible). */
  body?: unknown;
  /** GET: the URL's query string, e.g. `?query=...&variables=...`. */
  search?: string;
}

export interface FastPathMatch {
  prepared: PreparedOperation;
  /** Set when the client sent a persisted query's hash only: the query text it stands for. */
  persistedSource?: string;
  variables: Record<string, unknown>;
  /** The Content-Type Apollo would answer with. */
  contentType: string;
}

export class FastPath {
  private readonly operations = new Map<string, PreparedOperation>();
  /** Query text by persisted-query hash, for hashes Apollo has run. */
  private readonly persistedQueries = new Map<string, string>();
  private readonly negotiated = new Map<string, string | null>();
  /** Requests answered here, and requests whose execution was handed to Apollo (for tests). */
  answered = 0;
  handedOver = 0;

  /**
   * Called by OperationExecutor for an operation Apollo accepted and that runs compiled;
   * `persistedQueryHash` when the client asked for it as a persisted query (Apollo verified the hash).
   */
  remember(source: string, requestedOperationName: string | null | undefined, prepared: PreparedOperation, persistedQueryHash?: string): void {
    remember(this.operations, operationKey(source, requestedOperationName), prepared);
    if (persistedQueryHash !== undefined) remember(this.persistedQueries, persistedQueryHash, source);
  }

  /** The prepared operation for this request, or undefined when Apollo must handle it. */
  match(request: FastPathRequest): FastPathMatch | undefined {
    const body = request.method === 'POST' ? postFields(request) : request.method === 'GET' ? getFields(request) : undefined;
    if (!body) return undefined;
    const source = this.sourceOf(body);
    if (source === undefined) return undefined;
    const persisted = body.query === undefined;
    const { operationName, variables } = body;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && !isPlainObject(variables)) return undefined;
    const prepared = this.operations.get(operationKey(source, operationName));
    // Apollo refuses anything but a query over GET (405).
    if (!prepared || (request.method === 'GET' && prepared.operation.operation !== 'query')) return undefined;
    const contentType = this.contentTypeFor(headerValue(request.headers.accept));
    if (contentType !== APPLICATION_JSON && contentType !== APPLICATION_GRAPHQL_RESPONSE_JSON) return undefined;
    return { prepared, variables: (variables as Record<string, unknown> | null | undefined) ?? {}, contentType, ...(persisted ? { persistedSource: source } : {}) };
  }

  /** The query text of a plain request, or of a persisted query Apollo has run; undefined otherwise. */
  private sourceOf(body: Record<string, unknown>): string | undefined {
    if (body.extensions === undefined) return typeof body.query === 'string' ? body.query : undefined;
    if (body.query !== undefined) return undefined;
    const hash = persistedQueryHash(body.extensions);
    return hash === undefined ? undefined : this.persistedQueries.get(hash);
  }

  /** Apollo's choice for a single result (chooseContentTypeForSingleResultResponse), remembered per header. */
  private contentTypeFor(accept: string | undefined): string | null {
    if (!accept) return APPLICATION_JSON;
    const known = this.negotiated.get(accept);
    if (known !== undefined) return known;
    const chosen = new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) ?? null;
    if (this.negotiated.size < MAX_ACCEPT_HEADERS) this.negotiated.set(accept, chosen);
    return chosen;
  }
}

/**
 * Adds the query text to a persisted query the fast path has run and hands to Apollo (an answer with
 * errors). Apollo's own cache of persisted queries may have dropped the hash since: by itself Apollo
 * would then answer PERSISTED_QUERY_NOT_FOUND after the operation had already run, and the client
 * would send it again with its text, running a mutation twice. With the text Apollo checks it
 * against the hash (the same text Apollo verified when it was registered) and takes the result.
 */
export function withQueryText(request: FastPathRequest, source: string): void {
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    params.set('query', source);
    request.search = `?${params}`;
  } else {
    request.body = { ...(request.body as Record<string, unknown>), query: source };
  }
}

/** The body Apollo writes for a result without errors: its field order, and its trailing newline. */
export function successBody(result: ExecutionResult): string {
  return `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`;
}

/** The body of a POST Apollo would read as JSON. */
function postFields(request: FastPathRequest): Record<string, unknown> | undefined {
  return isJsonMediaType(headerValue(request.headers['content-type'])) && isPlainObject(request.body) ? request.body : undefined;
}

/**
 * The request fields of a GET, read as Apollo reads them (runHttpQuery), when Apollo would accept the
 * request: a Content-Type of application/json or none, and then a CSRF-prevention header; each
 * parameter at most once; `variables` and `extensions` as JSON. Anything else is Apollo's to refuse.
 */
function getFields(request: FastPathRequest): Record<string, unknown> | undefined {
  const contentType = headerValue(request.headers['content-type']);
  if (contentType === undefined ? !CSRF_PREVENTION_HEADERS.some((name) => headerValue(request.headers[name])) : !isJsonMediaType(contentType)) return undefined;
  const params = new URLSearchParams(request.search);
  const fields: Record<string, unknown> = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions']) {
    const values = params.getAll(name);
    if (values.length > 1) return undefined;
    if (values.length === 0) continue;
    if (name === 'query' || name === 'operationName') {
      fields[name] = values[0];
      continue;
    }
    try {
      fields[name] = JSON.parse(values[0]!);
    } catch {
      return undefined;
    }
  }
  return fields;
}

/** A header's value as Apollo's HeaderMap sees it (Node joins repeated custom headers itself). */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Adds an entry, dropping the oldest beyond MAX_OPERATIONS (an entry is never replaced: Apollo accepted it). */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.has(key)) return;
  if (map.size >= MAX_OPERATIONS) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The hash of `extensions` that hold exactly `persistedQuery: { version: 1, sha256Hash }`, as clients send it. */
function persistedQueryHash(extensions: unknown): string | undefined {
  if (!isPlainObject(extensions) || !hasOnlyKeys(extensions, ['persistedQuery'])) return undefined;
  const persisted = extensions.persistedQuery;
  if (!isPlainObject(persisted) || !hasOnlyKeys(persisted, ['version', 'sha256Hash'])) return undefined;
  return persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

function hasOnlyKeys(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key) => keys.includes(key));
}

function operationKey(source: string, operationName: string | null | undefined): string {
  return `${operationName ?? ''}\u0000${source}`;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
