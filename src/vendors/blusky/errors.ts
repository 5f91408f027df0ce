/**
 * BluSKY HTTP-level errors, in one place. Business outcomes come as HTTP 200 with a ResultCode
 * (results.ts); a 400 carries Web API's ModelState when a body does not bind; 401 means the
 * gateway's token is wrong (a configuration problem, NOTES). Vendor words are masked for secrets.
 */
import { ErrorCode } from '../../errors/codes';
import { VendorError } from '../../errors/gatewayError';
import { maskSecrets } from '../../errors/secretInputs';
import type { VendorResponse } from '../../http/vendorHttpClient';
import { userError, type UserErrorValue } from '../../mutations/userErrors';

/** BluSKY's PascalCase property → the gateway's input field name. */
const FIELD_BY_PROPERTY: Readonly<Record<string, string>> = {
  userid: 'userId',
  cardid: 'cardId',
  cardtype: 'cardType',
  cardacsystemid: 'cardAcSystemId',
  internalcardnumber: 'internalCardNumber',
  externalcardnumber: 'externalCardNumber',
  cardserialnumber: 'cardSerialNumber',
  facilitycode: 'facilityCode',
  issuecode: 'issueCode',
  pin: 'pin',
};

export function bluskyError(response: VendorResponse, secrets: readonly string[] = []): VendorError {
  const status = response.status;
  if (status === 401 || status === 403) {
    return new VendorError('blusky', ErrorCode.VENDOR_AUTH_FAILED, "BluSKY refused the gateway's API token. An operator must check BLUSKY_TOKEN.", { status });
  }
  const said = maskSecrets(messageOf(response.body), secrets);
  return new VendorError('blusky', ErrorCode.VENDOR_REJECTED, `BluSKY rejected the request (HTTP ${status})${said ? `: ${said}` : '.'}`, { status, vendorMessage: said });
}

/** A 400 with ModelState, as user errors on the fields BluSKY named (masked for secrets). */
export function modelStateErrors(response: VendorResponse, secrets: readonly string[]): UserErrorValue[] | null {
  if (response.status !== 400) return null;
  const state = (response.body as { ModelState?: unknown } | undefined)?.ModelState;
  if (!state || typeof state !== 'object') return null;
  const errors: UserErrorValue[] = [];
  for (const [key, messages] of Object.entries(state as Record<string, unknown>)) {
    const field = FIELD_BY_PROPERTY[key.split('.').at(-1)!.toLowerCase()];
    // A complaint about the PIN is reported without BluSKY's words, which might quote it.
    const text = field === 'pin' ? 'BluSKY could not read the PIN.' : maskSecrets(Array.isArray(messages) ? messages.join(' ') : String(messages), secrets);
    errors.push(userError(field ? ['input', field] : null, 'REJECTED_BY_VENDOR', `BluSKY refused the input: ${text}`));
  }
  return errors.length > 0 ? errors : null;
}

function messageOf(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const { Message, MessageDetail } = body as { Message?: unknown; MessageDetail?: unknown };
  return [Message, MessageDetail].filter((part): part is string => typeof part === 'string' && part !== '').join(' ').slice(0, 300);
}
