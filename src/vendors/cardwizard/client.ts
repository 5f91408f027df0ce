/**
 * Entrust Datacard CardWizard client: card-read requests on CMC devices, on the shared HTTP layer.
 * Authentication is CardWizard's `JWT` header. Routes and tracking details are in tracking.ts.
 */
import type { CardWizardSettings, HttpSettings } from '../../config';
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { VendorHttpClient } from '../../http/vendorHttpClient';
import type { Logger } from '../../logger';
import type { UserErrorValue } from '../../mutations/userErrors';
import { beginReadCardRefusal, isDocumentedException, trackingError } from './errors';
import { toCardRead } from './mapping';
import { BEGIN_READ_CARD_ACTION, cardRequestPath, cardRequestsPath, type CwTrackedCardRequest } from './tracking';
import type { CardRead, CardRequestKey } from './types';

export type BeginReadCardResult = { ok: true; id: string } | { ok: false; error: UserErrorValue };

export class CardWizardClient {
  constructor(readonly http: VendorHttpClient) {}

  static create(settings: CardWizardSettings, http: HttpSettings, logger: Logger): CardWizardClient {
    return new CardWizardClient(
      new VendorHttpClient({ vendor: 'cardwizard', baseUrl: settings.url, http, logger, defaultHeaders: { JWT: settings.jwt } }),
    );
  }

  /**
   * `POST Api/CMCDevices/{id}/CardRequests?action=beginreadcard` with the message as a JSON string.
   * A write: sent once, never resent (a lost answer is VENDOR_OUTCOME_UNKNOWN from the HTTP layer).
   */
  async beginReadCard(deviceId: number, message: string): Promise<BeginReadCardResult> {
    const response = await this.http.request<unknown>({
      method: 'POST',
      path: cardRequestsPath(deviceId),
      query: { action: BEGIN_READ_CARD_ACTION },
      body: message,
      idempotent: false,
      // CardWizard's documented exceptions may come with a 5xx status: they are answers, not failures.
      isDocumentedError: isDocumentedException,
    });
    if (response.status >= 200 && response.status < 300) {
      const id = createdId(response.body, response.headers.location);
      if (id === undefined) {
        throw new VendorError(
          'cardwizard',
          ErrorCode.VENDOR_BAD_RESPONSE,
          `CardWizard accepted the card read on device ${deviceId} but did not say the new request's id; the device may be waiting for a card.`,
          { status: response.status },
        );
      }
      return { ok: true, id };
    }
    return { ok: false, error: beginReadCardRefusal(response, deviceId) };
  }

  /** The tracked state of a card request (route not public, see tracking.ts); null when CardWizard knows none. */
  async cardRequest(key: CardRequestKey): Promise<CardRead | null> {
    const response = await this.http.request<CwTrackedCardRequest>({ method: 'GET', path: cardRequestPath(key.deviceId, key.id) });
    if (response.status === 404) return null;
    if (response.status !== 200) throw trackingError(response);
    const body = response.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new VendorError('cardwizard', ErrorCode.VENDOR_BAD_RESPONSE, 'CardWizard answered a card request with something that is not an object.', {
        status: response.status,
      });
    }
    return toCardRead(body, key);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** The id from the answer's JSON string, or else the last segment of its Location header. */
function createdId(body: unknown, location: string | string[] | undefined): string | undefined {
  if (typeof body === 'string' && body.trim() !== '') return body.trim();
  const header = Array.isArray(location) ? location[0] : location;
  const last = header?.split('?')[0]?.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : undefined;
}
