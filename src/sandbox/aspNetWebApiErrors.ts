/**
 * HTTP-level error answers in the shape ASP.NET Web API gives them (`{"Message": ...}`, plus
 * `MessageDetail` or `ModelState` where Web API adds one). CardWizard and BluSKY are both Web API
 * services, so their simulators answer these the same way. Vendor-specific failures (CardWizard's
 * documented exceptions, BluSKY's ResultCodes) live with each simulator.
 */
import type { SimResponse } from './simulatorServer';

/** Web API's ModelState: field name → error messages. */
export type ModelState = Record<string, string[]>;

export function unauthorized(headers?: Record<string, string>): SimResponse {
  return { status: 401, body: { Message: 'Authorization has been denied for this request.' }, headers };
}

export function invalidRequest(detail: string): SimResponse {
  return { status: 400, body: { Message: 'The request is invalid.', MessageDetail: detail } };
}

/** 400 for a body that did not bind (malformed JSON, wrong types). */
export function invalidModel(modelState: ModelState): SimResponse {
  return { status: 400, body: { Message: 'The request is invalid.', ModelState: modelState } };
}

export function notFound(message: string): SimResponse {
  return { status: 404, body: { Message: message } };
}

export function conflict(message: string): SimResponse {
  return { status: 409, body: { Message: message } };
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
