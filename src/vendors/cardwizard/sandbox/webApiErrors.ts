/**
 * Error answers in the shape ASP.NET Web API gives them (CardWizard is a Web
 * API service): `{"Message": ...}` plus `MessageDetail` where Web API adds one.
 * Exceptions the help page names are in `exceptions.ts`.
 */
import type { SimResponse } from '../../../sandbox/simulatorServer';

export function unauthorized(): SimResponse {
  return { status: 401, body: { Message: 'Authorization has been denied for this request.' } };
}

export function invalidRequest(detail: string): SimResponse {
  return { status: 400, body: { Message: 'The request is invalid.', MessageDetail: detail } };
}

export function notFound(message: string): SimResponse {
  return { status: 404, body: { Message: message } };
}

export function unsupportedMediaType(mediaType: string | undefined): SimResponse {
  return {
    status: 415,
    body: {
      Message: mediaType
        ? `The request entity's media type '${mediaType}' is not supported for this resource.`
        : 'The request contains an entity body but no Content-Type header.',
    },
  };
}

export function conflict(message: string): SimResponse {
  return { status: 409, body: { Message: message } };
}
