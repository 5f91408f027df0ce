/**
 * Reads a JSON object body, telling apart the two ways it can be unusable:
 * a media type no formatter reads (415), or JSON that does not parse into an
 * object (400 with model state, as Web API reports formatter errors).
 *
 * The simulator speaks JSON only; the real service also reads XML.
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';
import type { ModelState } from './modelBinding';

export type JsonBodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; problem: 'unsupportedMediaType'; mediaType: string | undefined }
  | { ok: false; problem: 'invalid'; modelState: ModelState };

export function readJsonObject(request: SimRequest): JsonBodyResult {
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
  if (mediaType !== 'application/json' && mediaType !== 'text/json') {
    return { ok: false, problem: 'unsupportedMediaType', mediaType };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch {
    // V8's SyntaxError quotes the input, which may hold a PIN: say only that it failed.
    return invalid('The body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return invalid('The body must be a JSON object.');
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}

function invalid(message: string): JsonBodyResult {
  return { ok: false, problem: 'invalid', modelState: { model: [message] } };
}
