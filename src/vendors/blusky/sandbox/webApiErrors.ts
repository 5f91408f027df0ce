/**
 * HTTP-level errors in ASP.NET Web API's shape (BluSKY's Web API is one).
 * Business failures are not here: they are HTTP 200 with a ResultCode
 * (see `resultCodes.ts`).
 */
import type { SimResponse } from '../../../sandbox/simulatorServer';
import type { ModelState } from './modelBinding';

export function unauthorized(): SimResponse {
  return {
    status: 401,
    body: { Message: 'Authorization has been denied for this request.' },
    headers: { 'WWW-Authenticate': 'Bearer' },
  };
}

/** 400 for a body that did not bind (malformed JSON, wrong types). */
export function invalidModel(modelState: ModelState): SimResponse {
  return { status: 400, body: { Message: 'The request is invalid.', ModelState: modelState } };
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
