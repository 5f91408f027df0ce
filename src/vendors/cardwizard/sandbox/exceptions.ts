/**
 * The exceptions CardWizard documents for `beginreadcard`, and how this
 * simulator answers each one.
 *
 * The help page names the exception types but not the HTTP status they come
 * with. CardWizard is an ASP.NET Web API service, so an error answer is
 * modelled as Web API's `HttpError` with error detail included:
 *
 *   { "Message": "An error has occurred.",
 *     "ExceptionMessage": "<what went wrong>",
 *     "ExceptionType": "DCG.Card.CardRequestException",
 *     "StackTrace": null }
 *
 * The statuses below are our choice. Two of them share 404 with "unknown
 * device" (which has no ExceptionType), and two share 403, so a client must
 * tell them apart by `ExceptionType`, never by status alone.
 */

export interface CardWizardExceptionSpec {
  /** Full .NET type name, as in the help page (without its `T:` prefix). */
  type: string;
  status: number;
  /** ExceptionMessage used by the simulator (the help page's description, lightly completed). */
  message: string;
}

export const cardWizardExceptions = {
  /** Licence (user setting or licence server) does not cover this client: a permission problem. */
  NotAuthorizedForClientException: {
    type: 'DCG.License.NotAuthorizedForClientException',
    status: 403,
    message: 'Not Licensed. This could be a user setting or license server settings.',
  },
  /** The PC the device is attached to is not registered: the target cannot be found. */
  PCNameNotFoundException: {
    type: 'DCG.Security.PCNameNotFoundException',
    status: 404,
    message: 'PC name not found.',
  },
  /** The JWT's user lacks ReadTrackData (the documented permission for beginreadcard). */
  ReadCardNotAuthorizedException: {
    type: 'DCG.Card.ReadCardNotAuthorizedException',
    status: 403,
    message: 'Not allowed to read card.',
  },
  /** The device exists but its card format is not set up: the server's state forbids the read. */
  CardFormatCMCNotConfiguredException: {
    type: 'DCG.Card.CardFormatCMCNotConfiguredException',
    status: 409,
    message: 'Card Format CMC Not Configured.',
  },
  /** "Something went wrong that requires a retry/cancel": a server-side failure, Web API's default 500. */
  CardRequestException: {
    type: 'DCG.Card.CardRequestException',
    status: 500,
    message: 'The card request could not be processed; retry or cancel it.',
  },
  /** The device cannot read (no stock / device error): the device is unavailable. */
  CMCDeviceWithoutStockException: {
    type: 'DCG.CMC.CMCDeviceWithoutStockException',
    status: 503,
    message: 'CMC Device Error while reading track data: the device has no stock.',
  },
} as const satisfies Record<string, CardWizardExceptionSpec>;

export type CardWizardExceptionName = keyof typeof cardWizardExceptions;

/** ASP.NET Web API `HttpError` body for an exception (error detail included). */
export interface WebApiExceptionBody {
  Message: string;
  ExceptionMessage: string;
  ExceptionType: string;
  StackTrace: null;
}

export function exceptionBody(name: CardWizardExceptionName, message?: string): WebApiExceptionBody {
  const spec = cardWizardExceptions[name];
  return {
    Message: 'An error has occurred.',
    ExceptionMessage: message ?? spec.message,
    ExceptionType: spec.type,
    // Web API sends the stack trace only in debug builds; a live server sends null.
    StackTrace: null,
  };
}
