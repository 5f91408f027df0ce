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
 *  - Only the plain request shape is eligible: POST, `Content-Type: application/json`, a JSON
 *    object with a string `query`, optional string `operationName` and object `variables`, no
 *    `extensions` (persisted queries go through Apollo), an `Accept` header that picks one of the
 *    two JSON answer types, and variables that coerce without error. Anything else (GET, batches,
 *    bad variables, odd bodies) goes through Apollo, which answers it as before; nothing has been
 *    executed by then.
 *  - Only an answer without errors is written here: `{"data":...}` with status 200, the negotiated
 *    content type and the request id, which is all Apollo and our plugins produce for such an
 *    answer. An answer with errors (or an execution that throws) is handed to Apollo as the result
 *    of the execution it would otherwise have made (`handedOver`, see executorGateway.ts), so
 *    errors are formatted, masked, logged and counted by the one pipeline, and nothing runs twice.
 * test/integration/fastPath.test.ts sends the same requests to a gateway with and without it and
 * requires identical answers.
 */
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

export interface FastPathRequest {
  /** The parsed JSON body (any shape: this decides whether it is eligible). */
  body: unknown;
  contentType: string | undefined;
  accept: string | undefined;
}

export interface FastPathMatch {
  prepared: PreparedOperation;
  variables: Record<string, unknown>;
  /** The Content-Type Apollo would answer with. */
  contentType: string;
}

export class FastPath {
  private readonly operations = new Map<string, PreparedOperation>();
  private readonly negotiated = new Map<string, string | null>();
  /** Requests answered here, and requests whose execution was handed to Apollo (for tests). */
  answered = 0;
  handedOver = 0;

  /** Called by OperationExecutor for an operation Apollo accepted and that runs compiled. */
  remember(source: string, requestedOperationName: string | null | undefined, prepared: PreparedOperation): void {
    const key = operationKey(source, requestedOperationName);
    if (this.operations.has(key)) return;
    if (this.operations.size >= MAX_OPERATIONS) this.operations.delete(this.operations.keys().next().value!);
    this.operations.set(key, prepared);
  }

  /** The prepared operation for this request, or undefined when Apollo must handle it. */
  match(request: FastPathRequest): FastPathMatch | undefined {
    if (!isJsonMediaType(request.contentType)) return undefined;
    const body = request.body;
    if (!isPlainObject(body) || typeof body.query !== 'string' || body.extensions !== undefined) return undefined;
    const { operationName, variables } = body;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && !isPlainObject(variables)) return undefined;
    const prepared = this.operations.get(operationKey(body.query, operationName));
    if (!prepared) return undefined;
    const contentType = this.contentTypeFor(request.accept);
    if (contentType !== APPLICATION_JSON && contentType !== APPLICATION_GRAPHQL_RESPONSE_JSON) return undefined;
    return { prepared, variables: (variables as Record<string, unknown> | null | undefined) ?? {}, contentType };
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

/** The body Apollo writes for a result without errors: its field order, and its trailing newline. */
export function successBody(result: ExecutionResult): string {
  return `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`;
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
