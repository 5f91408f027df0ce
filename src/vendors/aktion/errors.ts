/**
 * Turns an Aktion answer that is not a success into a typed top-level error, in one place
 * (the table of meanings is errorNumbers.ts). Business refusals of writes become userErrors
 * instead (writeOutcome.ts).
 *
 * Aktion's 1000/1001 messages contain the session token itself ("Token {0} not found"), so every
 * vendor message is redacted before it is kept or logged: the token, and any GUID for good measure.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { BUSINESS_ERRORS, GATEWAY_ERRORS, type AktionOperation, type GatewayMeaning } from './errorNumbers';
import type { AktionEnvelope } from './types';

export interface AktionResultSummary {
  /** The documented error number; undefined when Aktion sent no Result.Code. */
  code: number | undefined;
  /** Aktion's message, redacted (safe to log). */
  message: string;
  modelStateErr: string[];
}

const GUID = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi;

export function redactAktionText(text: string, token?: string): string {
  let safe = text;
  if (token) safe = safe.split(token).join('[redacted]');
  return safe.replace(GUID, '[redacted]');
}

export function resultOf(body: unknown, token?: string): AktionResultSummary {
  const result = body && typeof body === 'object' ? (body as AktionEnvelope).Result : undefined;
  const code = typeof result?.Code === 'number' ? result.Code : undefined;
  const message = typeof result?.Message === 'string' ? redactAktionText(result.Message, token) : '';
  const modelStateErr = Array.isArray(result?.ModelStateErr)
    ? result.ModelStateErr.filter((entry): entry is string => typeof entry === 'string').map((entry) => redactAktionText(entry, token))
    : [];
  return { code, message, modelStateErr };
}

/** A top-level Aktion error: `extensions.aktionCode` carries the documented error number. */
export class AktionError extends VendorError {
  constructor(meaning: GatewayMeaning, readonly aktionCode: number | undefined, status: number | undefined, vendorMessage: string) {
    super('aktion', meaning.code, meaning.message, { status, vendorMessage });
    if (aktionCode !== undefined) (this.extensions as Record<string, unknown>).aktionCode = aktionCode;
  }
}

/** The top-level error for an answer that is neither a success nor handled elsewhere. */
export function aktionError(operation: AktionOperation, status: number, result: AktionResultSummary): AktionError {
  const code = result.code;
  const known = code === undefined ? undefined : (GATEWAY_ERRORS[code] ?? readRefusal(code));
  const meaning: GatewayMeaning = known ?? (status === 401 ? UNEXPLAINED_401 : undefined) ?? {
    code: ErrorCode.VENDOR_REJECTED,
    message: `Aktion refused to ${OPERATION_WORDS[operation]} (HTTP ${status}${code === undefined ? '' : `, error number ${code}`}).`,
  };
  return new AktionError(meaning, code, status, result.message);
}

const OPERATION_WORDS: Record<AktionOperation, string> = {
  login: 'log the gateway in',
  get: 'show the identifier',
  getAll: 'list the identifiers',
  create: 'create the identifier',
  update: 'update the identifier',
  remove: 'remove the identifier',
};

const UNEXPLAINED_401: GatewayMeaning = {
  code: ErrorCode.VENDOR_AUTH_FAILED,
  message: "Aktion refused the gateway's authorisation (HTTP 401). An operator must check the Aktion settings.",
};

/** Permission and licence numbers on a read: the gateway's account lacks a right (operators). */
function readRefusal(code: number): GatewayMeaning | undefined {
  const business = BUSINESS_ERRORS[code];
  if (!business || (business.code !== 'PERMISSION_DENIED' && business.code !== 'NOT_LICENSED')) return undefined;
  const remedy = business.code === 'NOT_LICENSED' ? 'An operator must check the Aktion licence.' : 'An operator must grant it in Aktion.';
  return { code: ErrorCode.VENDOR_AUTH_FAILED, message: `${business.message} ${remedy}` };
}
