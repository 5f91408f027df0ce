/**
 * The one outbound HTTP layer: every vendor call of the gateway goes through a VendorHttpClient.
 *
 * One undici Pool per vendor (keep-alive), connect/headers/body timeouts and an overall deadline,
 * retries for idempotent calls only, response bodies always consumed, JSON parsed with a clear
 * error, and transport/5xx/429 failures turned into typed VendorErrors. 2xx-4xx answers are
 * returned as they are: what a vendor's 4xx means is decided in that vendor's errors.ts.
 *
 * Every call runs under the vendor's bulkhead and circuit breaker (vendorPolicies.ts), and retries
 * draw on the GraphQL request's retry budget when the call comes through that request's view of
 * the client (`forRequest`, requestScope.ts).
 *
 * A write (non-idempotent call) is sent at most once. When it fails after it may have reached the
 * vendor, the error is VENDOR_OUTCOME_UNKNOWN so that a client can look before trying again.
 */
import { Pool } from 'undici';
import type { HttpSettings, VendorName } from '../config';
import { ErrorCode } from '../errors/codes';
import { VendorError } from '../errors/gatewayError';
import type { Logger } from '../logger';
import { backoffDelayMs, retryAfterMs, type BackoffSettings, DEFAULT_BACKOFF } from './backoff';
import { redactPathAndQuery } from './redactUrl';
import { statusOutcome, vendorRequestDuration, vendorRequests } from '../observability/metrics';
import type { RequestScope } from './requestScope';
import { createVendorPolicies, type VendorPolicies } from './vendorPolicies';
import { classifyTransportFailure } from './transportFailure';
import { CallDeadline } from './callDeadline';
import { exchangeJson, type JsonAnswer } from './jsonExchange';
import { VENDOR_LABELS } from './vendorLabels';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null;

export interface VendorRequest {
  method: HttpMethod;
  /** Path below the vendor's base URL, e.g. `/api/v1/persons`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Serialised as JSON (a string is sent as a JSON string, as CardWizard wants). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send more than once. Defaults to true for GET and false otherwise. */
  idempotent?: boolean;
  /**
   * Recognises a 5xx answer that is a documented business error of the vendor rather than a failure
   * (CardWizard sends some documented exceptions with 500/503). Such an answer is returned like a 4xx,
   * for the vendor's own mapping: not retried, not VENDOR_UNAVAILABLE, not VENDOR_OUTCOME_UNKNOWN.
   */
  isDocumentedError?: (status: number, body: unknown) => boolean;
}

export interface VendorResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined for an empty body. */
  body: T | undefined;
}

export interface VendorHttpClientOptions {
  vendor: VendorName;
  /** Base URL; the documented paths are appended to it (a trailing slash is accepted). */
  baseUrl: string;
  http: HttpSettings;
  logger: Logger;
  /** Headers sent with every request, e.g. authentication. Never logged. */
  defaultHeaders?: Record<string, string>;
  backoff?: BackoffSettings;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export class VendorHttpClient {
  readonly vendor: VendorName;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly logger: Logger;
  readonly policies: VendorPolicies;
  private readonly plainHeaders: Record<string, string>;

  constructor(private readonly options: VendorHttpClientOptions) {
    this.vendor = options.vendor;
    const base = new URL(options.baseUrl);
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.plainHeaders = { accept: 'application/json', ...options.defaultHeaders };
    this.logger = options.logger.child({ vendor: options.vendor });
    this.pool = new Pool(base.origin, {
      connections: options.http.connectionsPerVendor,
      connect: { timeout: options.http.connectTimeoutMs },
      headersTimeout: options.http.headersTimeoutMs,
      bodyTimeout: options.http.bodyTimeoutMs,
      keepAliveTimeout: 10_000,
    });
    this.policies = createVendorPolicies(options.vendor, {
      maxConcurrent: options.http.connectionsPerVendor,
      maxQueued: options.http.maxQueuedPerVendor,
      breakerThreshold: options.http.breakerThreshold,
      breakerHalfOpenAfterMs: options.http.breakerHalfOpenAfterMs,
    });
  }

  /** Set only on a request's view (forRequest); the shared client has none. */
  readonly scope?: RequestScope;

  request<T = unknown>(request: VendorRequest): Promise<VendorResponse<T>> {
    // The deadline covers the call from the moment it is asked for: the wait for one of the
    // vendor's connections (bulkhead), the attempts and the pauses between them. Its timer is
    // cleared as soon as the call ends (AbortSignal.timeout, used before, cannot be cancelled).
    // See callDeadline.ts for why it is not an AbortController.
    const deadline = new CallDeadline(this.options.http.requestTimeoutMs);
    return this.policies.execute(() => this.send<T>(request, deadline), deadline);
  }

  /**
   * A view of this client for one GraphQL request: the same pool, policies and settings (read
   * through the prototype chain), with the request's scope for its retry budget and logs.
   */
  forRequest(scope: RequestScope): VendorHttpClient {
    return Object.create(this, { scope: { value: scope } }) as VendorHttpClient;
  }

  /** Whether another attempt may be made: attempts left, time left, and the request's retry budget. */
  private mayRetry(attempt: number, maxAttempts: number, deadline: CallDeadline): boolean {
    if (attempt >= maxAttempts || deadline.aborted) return false;
    const budget = this.scope?.retryBudget;
    return budget ? budget.take() : true;
  }

  private async send<T>(request: VendorRequest, deadline: CallDeadline): Promise<VendorResponse<T>> {
    const idempotent = request.idempotent ?? request.method === 'GET';
    const pathAndQuery = this.buildPath(request);
    // Only log lines need the redacted path, and most calls log nothing.
    const logPath = () => redactPathAndQuery(pathAndQuery);
    const maxAttempts = idempotent ? this.options.http.maxRetries + 1 : 1;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const started = performance.now();
        let answer: JsonAnswer;
        try {
          // The whole answer is read, error paths included, so the connection is always released.
          answer = await exchangeJson(
            this.pool,
            { method: request.method, path: pathAndQuery, headers: this.headersFor(request), body: request.body === undefined ? undefined : JSON.stringify(request.body) },
            deadline,
          );
        } catch (error) {
          const kind = classifyTransportFailure(error);
          const ms = Math.round(performance.now() - started);
          vendorRequests.inc({ vendor: this.vendor, method: request.method, outcome: kind === 'notSent' ? 'unreachable' : kind });
          this.logger.warn({ method: request.method, path: logPath(), attempt, ms, failure: kind, err: errorSummary(error) }, 'vendor call failed');
          if (this.mayRetry(attempt, maxAttempts, deadline)) {
            await deadline.pause(backoffDelayMs(attempt - 1, this.options.backoff ?? DEFAULT_BACKOFF));
            continue;
          }
          throw this.transportError(kind, idempotent, error);
        }

        const { status, headers } = answer;
        const ms = Math.round(performance.now() - started);
        vendorRequests.inc({ vendor: this.vendor, method: request.method, outcome: statusOutcome(status) });
        vendorRequestDuration.observe({ vendor: this.vendor }, ms / 1000);
        // Checked first: building the log object on every vendor call costs measurable CPU (bench/RESULTS.md).
        if (this.logger.isLevelEnabled('debug')) {
          this.logger.debug({ method: request.method, path: logPath(), status, attempt, ms, requestId: this.scope?.requestId }, 'vendor call');
        }

        const documented = status >= 500 ? documentedErrorResponse<T>(request, answer) : undefined;
        if (documented) return documented;
        if (RETRYABLE_STATUS.has(status) && idempotent && this.mayRetry(attempt, maxAttempts, deadline)) {
          const wait = retryAfterMs(headers['retry-after']) ?? backoffDelayMs(attempt - 1, this.options.backoff ?? DEFAULT_BACKOFF);
          this.logger.warn({ method: request.method, path: logPath(), status, attempt, waitMs: wait }, 'vendor call will be retried');
          await deadline.pause(wait);
          continue;
        }
        if (status === 429) {
          throw new VendorError(this.vendor, ErrorCode.VENDOR_RATE_LIMITED, `${this.label} is limiting the gateway's request rate; try again later.`, { status });
        }
        if (status >= 500) throw this.serverError(status, idempotent);
        if (answer.malformed) throw this.malformedAnswer(status, idempotent);
        return { status, headers, body: answer.body as T | undefined };
      }
    } finally {
      deadline.clear();
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private get label(): string {
    return VENDOR_LABELS[this.vendor];
  }

  private buildPath(request: VendorRequest): string {
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    if (!request.query) return `${this.basePath}${path}`;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query)) {
      if (value !== undefined && value !== null) params.append(name, String(value));
    }
    const query = params.toString();
    return `${this.basePath}${path}${query ? `?${query}` : ''}`;
  }

  private headersFor(request: VendorRequest): Record<string, string> {
    // Most calls are plain GETs: they share one headers object rather than building it per call.
    if (request.body === undefined && request.headers === undefined) return this.plainHeaders;
    return {
      accept: 'application/json',
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...this.options.defaultHeaders,
      ...request.headers,
    };
  }

  /** An answer that is not JSON. A write the vendor answered 2xx went through even so: say so. */
  private malformedAnswer(status: number, idempotent: boolean): VendorError {
    const applied = !idempotent && status >= 200 && status < 300 ? ' The change was most likely applied: check the current state before trying again.' : '';
    return new VendorError(this.vendor, ErrorCode.VENDOR_BAD_RESPONSE, `${this.label} sent an answer that is not JSON (HTTP ${status}).${applied}`, { status });
  }

  private serverError(status: number, idempotent: boolean): VendorError {
    if (!idempotent) {
      return new VendorError(
        this.vendor,
        ErrorCode.VENDOR_OUTCOME_UNKNOWN,
        `${this.label} failed (HTTP ${status}) while handling this change; it may or may not have been applied. ` +
          'The gateway did not resend it: check the current state before trying again.',
        { status },
      );
    }
    return new VendorError(this.vendor, ErrorCode.VENDOR_UNAVAILABLE, `${this.label} is failing (HTTP ${status}); try again later.`, { status, retryable: true });
  }

  private transportError(kind: ReturnType<typeof classifyTransportFailure>, idempotent: boolean, cause: unknown): VendorError {
    if (kind === 'notSent') {
      return new VendorError(this.vendor, ErrorCode.VENDOR_UNAVAILABLE, `${this.label} cannot be reached; nothing was sent. Try again later.`, { retryable: true }, { cause });
    }
    if (!idempotent) {
      return new VendorError(
        this.vendor,
        ErrorCode.VENDOR_OUTCOME_UNKNOWN,
        `${this.label} did not answer this change (${kind === 'timeout' ? 'timed out' : 'connection lost'}); it may or may not have been applied. ` +
          'The gateway did not resend it: check the current state before trying again.',
        {},
        { cause },
      );
    }
    if (kind === 'timeout') {
      return new VendorError(this.vendor, ErrorCode.VENDOR_TIMEOUT, `${this.label} did not answer in time; try again later.`, { retryable: true }, { cause });
    }
    return new VendorError(this.vendor, ErrorCode.VENDOR_UNAVAILABLE, `${this.label} closed the connection without answering; try again later.`, { retryable: true }, { cause });
  }
}

/** A 5xx answer the request recognises as a documented business error (see `isDocumentedError`). */
function documentedErrorResponse<T>(request: VendorRequest, answer: JsonAnswer): VendorResponse<T> | undefined {
  if (!request.isDocumentedError || answer.malformed) return undefined;
  return request.isDocumentedError(answer.status, answer.body) ? { status: answer.status, headers: answer.headers, body: answer.body as T } : undefined;
}

/** What of a transport error is safe to log: its name, code and message (never request options). */
function errorSummary(error: unknown): Record<string, unknown> {
  const err = error as { name?: string; code?: string; message?: string };
  return { name: err?.name, code: err?.code, message: err?.message };
}
