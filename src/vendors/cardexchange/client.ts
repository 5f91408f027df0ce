/**
 * CardExchange Cloud client: the documented routes, on the shared HTTP layer.
 * Authentication is HTTP Basic with the API key as user name and an empty password.
 */
import type { CardExchangeSettings, HttpSettings } from '../../config';
import { parseLinkHeader } from '../../http/linkHeader';
import { VendorHttpClient, type QueryValue } from '../../http/vendorHttpClient';
import type { Logger } from '../../logger';
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { cardExchangeError } from './errors';
import { CX_RESOURCES, type CxResource } from './resources';

export interface CxListPage<T> {
  items: T[];
  /** From X-Total-Count; when the header is missing, a lower bound inferred from the Link header. */
  totalCount: number;
}

export type CxListQuery = Record<string, QueryValue>;

export class CardExchangeClient {
  constructor(readonly http: VendorHttpClient) {}

  static create(settings: CardExchangeSettings, http: HttpSettings, logger: Logger): CardExchangeClient {
    const basic = Buffer.from(`${settings.apiKey}:`, 'utf8').toString('base64');
    return new CardExchangeClient(
      new VendorHttpClient({
        vendor: 'cardexchange',
        baseUrl: settings.url,
        http,
        logger,
        defaultHeaders: { authorization: `Basic ${basic}` },
      }),
    );
  }

  /** One object by id; null when CardExchange answers 404. */
  async retrieve<T>(resource: CxResource, id: string): Promise<T | null> {
    const response = await this.http.request<T>({ method: 'GET', path: `/api/v1/${CX_RESOURCES[resource]}/${encodeURIComponent(id)}` });
    if (response.status === 404) return null;
    if (response.status >= 400) throw cardExchangeError(response);
    return response.body ?? null;
  }

  /** One page of a collection: `page` is 1-based, `perPage` 1..100, filters in the vendor's names. */
  async list<T>(resource: CxResource, page: number, perPage: number, query: CxListQuery = {}): Promise<CxListPage<T>> {
    const response = await this.http.request<T[]>({
      method: 'GET',
      path: `/api/v1/${CX_RESOURCES[resource]}`,
      query: { ...query, page, per_page: perPage },
    });
    if (response.status >= 400) throw cardExchangeError(response);
    if (!Array.isArray(response.body)) {
      throw new VendorError('cardexchange', ErrorCode.VENDOR_BAD_RESPONSE, `CardExchange answered a list of ${resource} with something that is not a list.`, { status: response.status });
    }
    const items = response.body;
    const header = response.headers['x-total-count'];
    const total = Number(Array.isArray(header) ? header[0] : header);
    if (header !== undefined && Number.isFinite(total)) return { items, totalCount: total };
    // Without X-Total-Count, the Link header still tells whether more follow: count at least one more.
    const seen = (page - 1) * perPage + items.length;
    return { items, totalCount: parseLinkHeader(response.headers.link).has('next') ? seen + 1 : seen };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
