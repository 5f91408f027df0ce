/**
 * CardExchange writes: create (`POST /api/v1/<resource>`), update (`POST /api/v1/<resource>/:id`)
 * and delete (`DELETE /api/v1/<resource>/:id`), on the shared HTTP layer.
 *
 * Every write is sent at most once (`idempotent: false`): a 5xx, a timeout or a dropped connection
 * after sending is VENDOR_OUTCOME_UNKNOWN from the HTTP layer, never a retry. The answers the
 * document describes for a client's mistakes (validation problem details, an unknown id) come back
 * as values for the mutation to turn into userErrors; anything else is a typed VendorError.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import type { HttpMethod, VendorResponse } from '../../http/vendorHttpClient';
import type { CardExchangeClient } from './client';
import { cardExchangeError, problemOf } from './errors';
import { CX_RESOURCES, CX_RESOURCE_NOUNS, type CxResource } from './resources';
import type { CxProblemDetails } from './types';

export type CxWriteAnswer<T> =
  | { kind: 'saved'; object: T }
  | { kind: 'deleted' }
  /** 404 for the id in the path: the object to change does not exist. */
  | { kind: 'notFound'; problem: CxProblemDetails }
  /** 400/422 validation problem details, or 409: the vendor refused what was sent. */
  | { kind: 'refused'; status: number; problem: CxProblemDetails };

/** 4xx answers that are about the request's content, for the client to fix. */
const REFUSALS = new Set([400, 409, 422]);

export class CardExchangeWriter {
  constructor(private readonly client: CardExchangeClient) {}

  create<T extends { id: string }>(resource: CxResource, body: Record<string, unknown>): Promise<CxWriteAnswer<T>> {
    return this.send<T>(resource, 'POST', undefined, body);
  }

  update<T extends { id: string }>(resource: CxResource, id: string, body: Record<string, unknown>): Promise<CxWriteAnswer<T>> {
    return this.send<T>(resource, 'POST', id, body);
  }

  remove(resource: CxResource, id: string): Promise<CxWriteAnswer<never>> {
    return this.send<never>(resource, 'DELETE', id, undefined);
  }

  private async send<T extends { id: string }>(
    resource: CxResource,
    method: HttpMethod,
    id: string | undefined,
    body: Record<string, unknown> | undefined,
  ): Promise<CxWriteAnswer<T>> {
    const path = `/api/v1/${CX_RESOURCES[resource]}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
    const response = await this.client.http.request<unknown>({ method, path, body, idempotent: false });
    if (response.status >= 200 && response.status < 300) {
      if (method === 'DELETE') return { kind: 'deleted' };
      return { kind: 'saved', object: savedObject<T>(resource, response) };
    }
    if (response.status === 404 && id !== undefined) return { kind: 'notFound', problem: problemOf(response) };
    if (REFUSALS.has(response.status)) return { kind: 'refused', status: response.status, problem: problemOf(response) };
    throw cardExchangeError(response);
  }
}

/** The object a successful create or update answers with; without one, the answer is unusable. */
function savedObject<T extends { id: string }>(resource: CxResource, response: VendorResponse<unknown>): T {
  const body = response.body as { id?: unknown } | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body) && typeof body.id === 'string') return body as T;
  throw new VendorError(
    'cardexchange',
    ErrorCode.VENDOR_BAD_RESPONSE,
    `CardExchange accepted the change (HTTP ${response.status}) but did not answer with the ${CX_RESOURCE_NOUNS[resource]}; ` +
      'it was most likely applied: check the current state before trying again.',
    { status: response.status },
  );
}
