/**
 * Turns CardWizard's answers into the gateway's errors, in one place. 5xx, 429 and transport
 * failures are typed by the shared HTTP layer, except 5xx answers carrying a documented exception,
 * which the client lets through (see `isDocumentedException`) so they map to user errors here.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import type { VendorResponse } from '../../http/vendorHttpClient';
import { userError, type UserErrorValue } from '../../mutations/userErrors';
import { documentedException, exceptionMessage, exceptionTypeOf } from './exceptions';

const DEVICE_FIELD = ['input', 'deviceId'];

/** True for an answer whose ExceptionType is one CardWizard documents, whatever its status. */
export function isDocumentedException(_status: number, body: unknown): boolean {
  return documentedException(body) !== undefined;
}

/**
 * The user error for a refused `beginreadcard`, or a thrown VendorError when the refusal is not the
 * user's business (credentials, a request the gateway should never have sent).
 */
export function beginReadCardRefusal(response: VendorResponse, deviceId: number): UserErrorValue {
  const body = objectBody(response);
  const rule = documentedException(body);
  if (rule) {
    return userError(rule.aboutDevice ? DEVICE_FIELD : null, rule.code, exceptionMessage(rule, deviceId, body.ExceptionMessage));
  }
  const status = response.status;
  if (status === 401) throw authFailed(status);
  if (status === 404 && exceptionTypeOf(body) === undefined) {
    return userError(DEVICE_FIELD, 'NOT_FOUND', `CardWizard knows no CMC device with id ${deviceId}.`);
  }
  const said = vendorWords(body);
  if (status === 400 || exceptionTypeOf(body) !== undefined) {
    // A refusal with reasons CardWizard states itself (a bad request, an undocumented exception).
    return userError(null, 'REJECTED_BY_VENDOR', `CardWizard refused to start the card read${said ? `: ${said}` : '.'}`);
  }
  throw rejected(status, said);
}

/** The error for a tracking answer other than 200 and 404 (which means "no such request"). */
export function trackingError(response: VendorResponse): VendorError {
  if (response.status === 401) return authFailed(response.status);
  return rejected(response.status, vendorWords(objectBody(response)));
}

function authFailed(status: number): VendorError {
  return new VendorError('cardwizard', ErrorCode.VENDOR_AUTH_FAILED, "CardWizard refused the gateway's token. An operator must check CARDWIZARD_JWT.", { status });
}

function rejected(status: number, said: string): VendorError {
  return new VendorError('cardwizard', ErrorCode.VENDOR_REJECTED, `CardWizard rejected the request (HTTP ${status})${said ? `: ${said}` : '.'}`, {
    status,
    vendorMessage: said,
  });
}

type WebApiErrorBody = { Message?: unknown; MessageDetail?: unknown; ExceptionMessage?: unknown; ExceptionType?: unknown };

function objectBody(response: VendorResponse): WebApiErrorBody {
  const body = response.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as WebApiErrorBody) : {};
}

/** Web API's own words: the most specific of ExceptionMessage, MessageDetail and Message. */
function vendorWords(body: WebApiErrorBody): string {
  for (const value of [body.ExceptionMessage, body.MessageDetail, body.Message]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 300);
  }
  return '';
}
