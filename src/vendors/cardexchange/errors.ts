/**
 * Turns a CardExchange 4xx answer (RFC 7807 problem details) into a typed error, in one place.
 * 5xx, 429 and transport failures are already typed by the shared HTTP layer.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import type { VendorResponse } from '../../http/vendorHttpClient';
import type { CxProblemDetails } from './types';

export function problemOf(response: VendorResponse): CxProblemDetails {
  const body = response.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as CxProblemDetails) : {};
}

/** A one-line summary of a problem-details body, for operators (logs and error details). */
export function describeProblem(problem: CxProblemDetails): string {
  const fieldErrors = Object.entries(problem.errors ?? {}).map(
    ([field, messages]) => `${field || '(general)'}: ${Array.isArray(messages) ? messages.join(' ') : messages}`,
  );
  return [problem.title, problem.detail, ...fieldErrors].filter(Boolean).join(' | ');
}

export function cardExchangeError(response: VendorResponse): VendorError {
  const problem = problemOf(response);
  const vendorMessage = describeProblem(problem);
  const status = response.status;
  if (status === 401 || status === 403) {
    return new VendorError(
      'cardexchange',
      ErrorCode.VENDOR_AUTH_FAILED,
      'CardExchange refused the gateway\'s API key. An operator must check CARDEXCHANGE_API_KEY.',
      { status, vendorMessage },
    );
  }
  return new VendorError(
    'cardexchange',
    ErrorCode.VENDOR_REJECTED,
    `CardExchange rejected the request (HTTP ${status})${vendorMessage ? `: ${vendorMessage}` : '.'}`,
    { status, vendorMessage },
  );
}
