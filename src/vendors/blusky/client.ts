/**
 * BluSKY (BluB0X) client: user cards, on the shared HTTP layer. How clients authenticate is not
 * public; the gateway sends its API token as `Authorization: Bearer <token>` (this one place).
 * Writes are sent once and never resent (a lost answer is VENDOR_OUTCOME_UNKNOWN).
 */
import type { BluskySettings, HttpSettings } from '../../config';
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { VendorHttpClient, type VendorResponse } from '../../http/vendorHttpClient';
import type { Logger } from '../../logger';
import { bluskyError } from './errors';
import { toUserCardViews } from './mapping';
import type { BsAddUserCardDto, BsRemoveUserCardDto, BsUserCardsDto, UserCardView } from './types';

export const BLUSKY_PATHS = {
  addUserCard: '/api/Person/AddUserCard',
  removeUserCard: '/api/Person/RemoveUserCard',
  userCards: '/api/v1/Users/UserCards',
} as const;

export function bluskyAuthorization(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export class BluskyClient {
  constructor(readonly http: VendorHttpClient) {}

  static create(settings: BluskySettings, http: HttpSettings, logger: Logger): BluskyClient {
    return new BluskyClient(new VendorHttpClient({ vendor: 'blusky', baseUrl: settings.url, http, logger, defaultHeaders: bluskyAuthorization(settings.token) }));
  }

  /** `POST api/Person/AddUserCard`. The answer (200 ResultWithGuid, or 4xx) is left to the caller's mapping. */
  addUserCard(body: BsAddUserCardDto): Promise<VendorResponse> {
    return this.http.request({ method: 'POST', path: BLUSKY_PATHS.addUserCard, body, idempotent: false });
  }

  /** `POST api/Person/RemoveUserCard`. */
  removeUserCard(body: BsRemoveUserCardDto): Promise<VendorResponse> {
    return this.http.request({ method: 'POST', path: BLUSKY_PATHS.removeUserCard, body, idempotent: false });
  }

  /** `GET api/v1/Users/UserCards?UserId=`: every card entry of the user (removed ones too), PINs dropped; null for an unknown user. */
  async userCards(userId: string): Promise<UserCardView[] | null> {
    const response = await this.http.request<BsUserCardsDto>({ method: 'GET', path: BLUSKY_PATHS.userCards, query: { UserId: userId } });
    if (response.status === 404) return null;
    if (response.status !== 200) throw bluskyError(response);
    if (!response.body || typeof response.body !== 'object' || Array.isArray(response.body)) {
      throw new VendorError('blusky', ErrorCode.VENDOR_BAD_RESPONSE, "BluSKY answered a user's cards with something that is not an object.", { status: response.status });
    }
    return toUserCardViews(response.body, userId);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
