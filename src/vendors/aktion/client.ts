/**
 * Aktion WebAPI client (identifiers), on the shared HTTP layer.
 *
 * Every call but login carries the session token as `?Token=` (the HTTP layer redacts it in logs).
 * `call` is the one place that deals with the session: a token Aktion rejects (401/1000 not found,
 * 401/1001 expired) is dropped and the call repeated once with a fresh one; 401/1008 (rate policy)
 * is waited out a few times. Both are answered before Aktion does anything, so repeating is safe
 * for writes too. Writes are otherwise sent once: a timeout, dropped connection or 5xx after
 * sending is VENDOR_OUTCOME_UNKNOWN (shared HTTP layer) and never resent.
 */
import type { AktionSettings, HttpSettings } from '../../config';
import { ErrorCode } from '../../errors/codes';
import { VendorHttpClient, type QueryValue } from '../../http/vendorHttpClient';
import type { Logger } from '../../logger';
import { AktionError, aktionError, resultOf, type AktionResultSummary } from './errors';
import { NOT_FOUND, RATE_POLICY_VIOLATED, TOKEN_REJECTED, TOKEN_REJECTED_TWICE, type AktionOperation } from './errorNumbers';
import { aktionLogin, type AktionCredentials } from './login';
import { isCompleteIdentifier, toIdentifier } from './mapping';
import { DEFAULT_RATE_LIMIT_BACKOFF_MS, pause } from './rateLimitBackoff';
import { AktionTokenSession } from './tokenSession';
import type { AktionEnvelope, AktionIdentifier, AktionIdentifierBody } from './types';

export type AktionWriteOperation = 'create' | 'update' | 'remove';

export interface AktionAnswer {
  status: number;
  body: AktionEnvelope | undefined;
  result: AktionResultSummary;
}

export interface AktionPage {
  identifiers: AktionIdentifier[];
  /** Aktion's TotalCount; undefined when the answer does not carry it. */
  totalCount: number | undefined;
}

export interface AktionClientOptions {
  /** Pauses before repeating a call (or login) refused with 401/1008; default 300 ms, 900 ms. */
  rateLimitBackoffMs?: readonly number[];
  /** Largest margin before expiry at which the token is renewed; default 2 s. */
  maxRefreshMarginMs?: number;
  now?: () => number;
}

export class AktionClient {
  readonly session: AktionTokenSession;
  private readonly backoffMs: readonly number[];

  constructor(
    readonly http: VendorHttpClient,
    credentials: AktionCredentials,
    private readonly logger: Logger,
    options: AktionClientOptions = {},
  ) {
    this.backoffMs = options.rateLimitBackoffMs ?? DEFAULT_RATE_LIMIT_BACKOFF_MS;
    const now = options.now ?? Date.now;
    this.session = new AktionTokenSession(() => aktionLogin(http, credentials, { backoffMs: this.backoffMs, logger: this.logger, now }), {
      maxRefreshMarginMs: options.maxRefreshMarginMs,
      now,
    });
  }

  static create(settings: AktionSettings, http: HttpSettings, logger: Logger, options?: AktionClientOptions): AktionClient {
    const child = logger.child({ vendor: 'aktion' });
    const client = new VendorHttpClient({ vendor: 'aktion', baseUrl: settings.url, http, logger });
    return new AktionClient(client, { userLogin: settings.userLogin, apiKey: settings.apiKey }, child, options);
  }

  /** One identifier by its (normalised) internal number; null when Aktion has none (404/1140). */
  async getIdentifier(internalNumber: string): Promise<AktionIdentifier | null> {
    const answer = await this.call('get', { method: 'GET', path: '/identifier/get', query: { InternalNrLong: internalNumber } });
    if (answer.status === 404 || answer.result.code === NOT_FOUND) return null;
    if (!isSuccess(answer)) throw aktionError('get', answer.status, answer.result);
    const wire = answer.body?.Identifier;
    if (!isCompleteIdentifier(wire)) throw badResponse('an identifier', answer);
    return toIdentifier(wire);
  }

  /** One page of every identifier (`PageNumber` is 1-based). */
  async listIdentifiers(pageNumber: number, pageSize: number): Promise<AktionPage> {
    const answer = await this.call('getAll', {
      method: 'GET',
      path: '/identifier/getAll',
      query: { PageNumber: pageNumber, PageSize: pageSize },
    });
    if (!isSuccess(answer)) throw aktionError('getAll', answer.status, answer.result);
    const list = answer.body?.Identifiers;
    if (!Array.isArray(list) || !list.every(isCompleteIdentifier)) throw badResponse('a list of identifiers', answer);
    const total = answer.body?.TotalCount;
    return { identifiers: list.map(toIdentifier), totalCount: typeof total === 'number' ? total : undefined };
  }

  /** create/update/remove: sent once; the answer is interpreted by writeOutcome.ts. */
  write(operation: AktionWriteOperation, body: AktionIdentifierBody | { InternalNrLong: string }): Promise<AktionAnswer> {
    return this.call(operation, { method: 'POST', path: `/identifier/${operation}`, body });
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async call(
    operation: AktionOperation,
    request: { method: 'GET' | 'POST'; path: string; query?: Record<string, QueryValue>; body?: unknown },
  ): Promise<AktionAnswer> {
    let relogged = false;
    let rateRetries = 0;
    for (;;) {
      // Most calls find a fresh token: they skip a promise turn (a card page makes 50 calls).
      const token = this.session.fresh() ?? (await this.session.token());
      const response = await this.http.request<AktionEnvelope>({ ...request, query: { ...request.query, Token: token } });
      const result = resultOf(response.body, token);
      const answer: AktionAnswer = { status: response.status, body: response.body, result };
      if (isSuccess(answer)) return answer;

      this.logger.info(
        { operation, status: response.status, aktionCode: result.code, vendorMessage: result.message, modelStateErr: result.modelStateErr },
        'aktion refused the call',
      );
      if (response.status === 401 && result.code !== undefined && TOKEN_REJECTED.has(result.code)) {
        this.session.invalidate(token);
        if (!relogged) {
          relogged = true;
          continue;
        }
        throw new AktionError(TOKEN_REJECTED_TWICE, result.code, response.status, result.message);
      }
      if (response.status === 401 && result.code === RATE_POLICY_VIOLATED && rateRetries < this.backoffMs.length) {
        await pause(this.backoffMs[rateRetries]!);
        rateRetries += 1;
        continue;
      }
      return answer;
    }
  }
}

export function isSuccess(answer: Pick<AktionAnswer, 'status' | 'result'>): boolean {
  return answer.status >= 200 && answer.status < 300 && (answer.result.code === undefined || answer.result.code === 0);
}

function badResponse(expected: string, answer: AktionAnswer): AktionError {
  return new AktionError(
    { code: ErrorCode.VENDOR_BAD_RESPONSE, message: `Aktion answered with something that is not ${expected}.` },
    answer.result.code,
    answer.status,
    answer.result.message,
  );
}
