/**
 * Executes queries and mutations for Apollo Server. An operation that keeps coming back (every
 * frontend sends the same few documents over and over) is compiled once with graphql-jit into a
 * plain JavaScript function; the rest run on graphql-js as before.
 *
 * Why: graphql-js interprets the document on every request (field collection, argument coercion,
 * a promise per field) and that was about half the gateway's CPU on a people page, 1.2 ms vs
 * 0.2 ms compiled (bench/RESULTS.md). Compiling costs several executions' worth (0.4-1 ms for the
 * bench's documents, warm), so a document is compiled only after it has run `compileAfter` times on
 * graphql-js: a one-off GraphiQL query never pays.
 *
 * What stays the same whichever engine runs:
 *  - variables are coerced by graphql-js first (`getVariableValues`), so a bad variable gets the
 *    same message, the same 400 and BAD_USER_INPUT from Apollo, and secret values are masked the
 *    same way (secretMaskingPlugin reads graphql-js's messages);
 *  - errors are GraphQLErrors whose `originalError` is what the resolver threw, which is all that
 *    formatError/maskingPlugin look at; graphql-jit's own error objects are rebuilt as graphql-js
 *    GraphQLErrors so nothing downstream has to know which engine ran.
 * test/integration/compiledExecution.test.ts runs the same operations through both engines and
 * requires identical answers.
 */
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { graphqlCompilations } from '../observability/metrics';
import type { FastPath, PreparedOperation } from './fastPath';

export interface OperationExecutorOptions {
  /** False: graphql-js only (GRAPHQL_JIT=false). */
  jit: boolean;
  /** Runs of a document on graphql-js before it is compiled (GRAPHQL_JIT_AFTER); 0 compiles on first use. */
  compileAfter: number;
  /** Let compiled operations skip Apollo's pipeline when they repeat (GRAPHQL_FAST_PATH, fastPath.ts); default true. */
  fastPath?: boolean;
}

export interface OperationRequest {
  document: DocumentNode;
  /** Undefined when Apollo resolved no operation (its types say otherwise; see execute). */
  operation: OperationDefinitionNode | undefined;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  contextValue: unknown;
  /** The query text and the operationName as the client sent them (Apollo's request), for the fast path. */
  source?: string;
  requestedOperationName?: string | null;
  /** The hash when the client asked for a persisted query (Apollo checked it against the text). */
  persistedQueryHash?: string;
}

/** Per parsed document (Apollo caches parsed documents, so a repeated query is the same object). */
interface DocumentState {
  runs: number;
  /** Compiled operations by operation name ('' for the only operation); null: jit declined it. */
  compiled: Map<string, CompiledQuery | null>;
}

export class OperationExecutor {
  // Keyed by the document object: when Apollo's document cache drops a document, its compiled
  // functions go with it, so this cache is bounded by Apollo's.
  private readonly documents = new WeakMap<DocumentNode, DocumentState>();
  private compiledCount = 0;
  /** Operations that may skip Apollo's pipeline; undefined when the fast path is off. */
  readonly fastPath: FastPath | undefined;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: OperationExecutorOptions,
    fastPath?: FastPath,
  ) {
    this.fastPath = options.jit && options.fastPath !== false ? fastPath : undefined;
  }

  /** How many operations this executor compiled (for tests; keyway_graphql_compilations_total counts all). */
  get compilations(): number {
    return this.compiledCount;
  }

  async execute(request: OperationRequest): Promise<ExecutionResult> {
    const operation = request.operation;
    if (!operation) {
      // Apollo found no operation (an operationName the document does not have, or several operations
      // and no name) and expects the executor's errors to say why. Its resolved name is null then, which
      // graphql-js would take as "the only operation": it must see the name the client asked for.
      return execute({ schema: this.schema, document: request.document, operationName: request.requestedOperationName, contextValue: request.contextValue });
    }
    const compiled = this.options.jit ? this.compiledFor(request) : null;
    if (!compiled) {
      return execute({
        schema: this.schema,
        document: request.document,
        operationName: request.operationName,
        variableValues: request.variables,
        contextValue: request.contextValue,
      });
    }
    const prepared = { compiled, operation };
    if (this.fastPath && request.source !== undefined) this.fastPath.remember(request.source, request.requestedOperationName, prepared, request.persistedQueryHash);
    const variables = request.variables ?? {};
    const errors = this.variableErrors(prepared, variables);
    if (errors) return { errors };
    return this.runCompiled(prepared, variables, request.contextValue);
  }

  /**
   * graphql-js's coercion of the variables: the same call, with the same error limit, that its
   * execute makes before running anything (graphql-jit coerces again, with its own messages).
   */
  variableErrors(prepared: PreparedOperation, variables: Record<string, unknown>): readonly GraphQLError[] | undefined {
    return getVariableValues(this.schema, prepared.operation.variableDefinitions ?? [], variables, { maxErrors: 50 }).errors;
  }

  /** Runs a compiled operation whose variables passed `variableErrors`. */
  async runCompiled(prepared: PreparedOperation, variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult> {
    const result = await prepared.compiled.query(undefined, contextValue, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  private compiledFor(request: OperationRequest): CompiledQuery | null {
    let state = this.documents.get(request.document);
    if (!state) {
      state = { runs: 0, compiled: new Map() };
      this.documents.set(request.document, state);
    }
    const key = request.operationName ?? '';
    const known = state.compiled.get(key);
    if (known !== undefined) return known;
    if (state.runs < this.options.compileAfter) {
      state.runs += 1;
      return null;
    }
    const compiled = compileQuery(this.schema, request.document, request.operationName ?? undefined, {
      // Stack traces of resolver errors are never shown to clients; capturing them costs CPU.
      disablingCapturingStackErrors: true,
    });
    // graphql-jit answers with errors (instead of a function) for what it cannot compile: that
    // document stays on graphql-js.
    const usable = isCompiledQuery(compiled) ? compiled : null;
    if (usable) this.compiledCount += 1;
    graphqlCompilations.inc({ outcome: usable ? 'compiled' : 'declined' });
    state.compiled.set(key, usable);
    return usable;
  }
}

/** graphql-jit's errors inherit from GraphQLError but are built differently; make them the real thing. */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js computes locations from AST nodes, which graphql-jit does not keep; copy its own.
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
