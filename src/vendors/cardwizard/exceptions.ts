/**
 * The exceptions CardWizard documents for `beginreadcard`, each mapped to a typed user-error code,
 * in one place. CardWizard (an ASP.NET Web API service) sends them as
 * `{"Message", "ExceptionMessage", "ExceptionType": "<full .NET name>", "StackTrace"}`. The help page
 * does not say which HTTP status comes with which exception, and several share a status (403, 404),
 * so they are told apart by ExceptionType only, never by status.
 */
import type { UserErrorCode } from '../../generated/graphql';

export interface CardWizardExceptionRule {
  code: UserErrorCode;
  /** Whether the problem is about the device named in the input (the user error then points at `deviceId`). */
  aboutDevice: boolean;
  /** What to tell the user; `{device}` is replaced by the device id. */
  message: string;
}

/** Keyed by the exception's class name (the last segment of its full .NET name). */
export const CARDWIZARD_EXCEPTIONS: Readonly<Record<string, CardWizardExceptionRule>> = {
  // T:DCG.License.NotAuthorizedForClientException
  NotAuthorizedForClientException: {
    code: 'NOT_LICENSED',
    aboutDevice: false,
    message: "CardWizard's licence does not cover this client (a user setting or the licence server settings).",
  },
  // T:DCG.Security.PCNameNotFoundException
  PCNameNotFoundException: {
    code: 'DEVICE_HOST_NOT_FOUND',
    aboutDevice: true,
    message: 'CardWizard does not know the PC that CMC device {device} is attached to.',
  },
  // T:DCG.Card.ReadCardNotAuthorizedException
  ReadCardNotAuthorizedException: {
    code: 'PERMISSION_DENIED',
    aboutDevice: false,
    message: "The gateway's CardWizard account is not allowed to read cards (it needs the ReadTrackData permission).",
  },
  // T:DCG.Card.CardFormatCMCNotConfiguredException
  CardFormatCMCNotConfiguredException: {
    code: 'CARD_FORMAT_NOT_CONFIGURED',
    aboutDevice: true,
    message: 'CMC device {device} has no card format configured in CardWizard.',
  },
  // T:DCG.Card.CardRequestException
  CardRequestException: {
    code: 'RETRY_OR_CANCEL',
    aboutDevice: false,
    message: 'CardWizard could not carry out the card request; start a new read or give up.',
  },
  // T:DCG.CMC.CMCDeviceWithoutStockException
  CMCDeviceWithoutStockException: {
    code: 'DEVICE_ERROR',
    aboutDevice: true,
    message: 'CMC device {device} reported an error while reading track data (for example, it has no stock).',
  },
};

/** The class name of a full .NET exception type (`DCG.Card.CardRequestException` → `CardRequestException`). */
export function exceptionClassName(exceptionType: string): string {
  return exceptionType.slice(exceptionType.lastIndexOf('.') + 1).replace(/^T:/, '');
}

/** The rule for an error body's ExceptionType, if it is one CardWizard documents. */
export function documentedException(body: unknown): CardWizardExceptionRule | undefined {
  const type = exceptionTypeOf(body);
  return type === undefined ? undefined : CARDWIZARD_EXCEPTIONS[exceptionClassName(type)];
}

export function exceptionTypeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const type = (body as { ExceptionType?: unknown }).ExceptionType;
  return typeof type === 'string' && type.trim() !== '' ? type.trim() : undefined;
}

/** The rule's message for a device, with CardWizard's own words appended when it sent any. */
export function exceptionMessage(rule: CardWizardExceptionRule, deviceId: number, vendorMessage: unknown): string {
  const ours = rule.message.replace('{device}', String(deviceId));
  return typeof vendorMessage === 'string' && vendorMessage.trim() !== '' ? `${ours} CardWizard said: ${clip(vendorMessage.trim())}` : ours;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
