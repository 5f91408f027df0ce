/**
 * `POST login` with the configured UserLogin and ApiKey. Safe to repeat (it only issues a token),
 * so the HTTP layer may retry it on transport failures. 401/1008 (too many logins) is waited out
 * a few times before it becomes VENDOR_RATE_LIMITED; 1003/1004 (unknown login, wrong key) are a
 * configuration error at once: retrying would only provoke the rate policy.
 */
import { ErrorCode } from '../../errors/codes';
import type { VendorHttpClient } from '../../http/vendorHttpClient';
import type { Logger } from '../../logger';
import { aktionDateMs } from './dates';
import { aktionError, AktionError, resultOf } from './errors';
import { RATE_POLICY_VIOLATED, VALIDATION_FAILED } from './errorNumbers';
import { pause } from './rateLimitBackoff';
import type { IssuedToken } from './tokenSession';
import type { AktionLoginBody } from './types';

export interface AktionCredentials {
  userLogin: string;
  apiKey: string;
}

/** The vendor's documented token lifetime, used when an answer does not say. */
const DEFAULT_TOKEN_SECONDS = 20;

export async function aktionLogin(
  http: VendorHttpClient,
  credentials: AktionCredentials,
  options: { backoffMs: readonly number[]; logger: Logger; now: () => number },
): Promise<IssuedToken> {
  for (let attempt = 0; ; attempt += 1) {
    const issuedAt = options.now();
    const response = await http.request<AktionLoginBody>({
      method: 'POST',
      path: '/login',
      body: { UserLogin: credentials.userLogin, ApiKey: credentials.apiKey },
      idempotent: true,
    });
    const body = response.body;
    const result = resultOf(body);
    const ok = response.status >= 200 && response.status < 300 && (result.code === undefined || result.code === 0);
    if (ok && typeof body?.Token === 'string' && body.Token !== '') {
      options.logger.debug({ attempt }, 'aktion login');
      return { value: body.Token, issuedAt, expiresAt: expiryOf(body, issuedAt) };
    }
    if (ok) {
      throw new AktionError({ code: ErrorCode.VENDOR_BAD_RESPONSE, message: 'Aktion answered the login without a token.' }, undefined, response.status, result.message);
    }
    options.logger.warn({ status: response.status, aktionCode: result.code, vendorMessage: result.message, attempt }, 'aktion login refused');
    if (result.code === RATE_POLICY_VIOLATED && attempt < options.backoffMs.length) {
      await pause(options.backoffMs[attempt]!);
      continue;
    }
    if (result.code === VALIDATION_FAILED) {
      throw new AktionError(
        { code: ErrorCode.VENDOR_AUTH_FAILED, message: 'Aktion refused the gateway\'s login as incomplete. An operator must check AKTION_USER_LOGIN and AKTION_API_KEY.' },
        result.code,
        response.status,
        result.message,
      );
    }
    throw aktionError('login', response.status, result);
  }
}

/** The earlier of ExpireDate and (login sent + ExpireInSec): never trust a token longer than either says. */
function expiryOf(body: AktionLoginBody, issuedAt: number): number {
  const seconds = typeof body.ExpireInSec === 'number' && body.ExpireInSec > 0 ? body.ExpireInSec : DEFAULT_TOKEN_SECONDS;
  const local = issuedAt + seconds * 1000;
  const vendor = aktionDateMs(body.ExpireDate);
  return vendor === undefined ? local : Math.min(local, vendor);
}
