/**
 * Reads the POST body of `beginreadcard`: "a string message, it is needed to
 * send the request to the device", in any of the three formats the help page
 * lists (JSON string, XML `<string>`, form-urlencoded). Anything else is 415,
 * as Web API answers when no formatter accepts the media type.
 */
import type { SimRequest } from '../../../sandbox/simulatorServer';

export type DeviceMessageResult =
  | { ok: true; message: string }
  | { ok: false; problem: 'unsupportedMediaType'; mediaType: string | undefined }
  | { ok: false; problem: 'invalid'; detail: string };

export function readDeviceMessage(request: SimRequest): DeviceMessageResult {
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
  let message: string | undefined;
  switch (mediaType) {
    case 'application/json':
    case 'text/json':
      message = fromJson(request.rawBody);
      break;
    case 'application/xml':
    case 'text/xml':
      message = fromXml(request.rawBody);
      break;
    case 'application/x-www-form-urlencoded':
      message = fromForm(request.rawBody);
      break;
    default:
      return { ok: false, problem: 'unsupportedMediaType', mediaType };
  }
  if (message === undefined) {
    return { ok: false, problem: 'invalid', detail: `The body must be a ${mediaType} string message for the device.` };
  }
  if (message.trim() === '') {
    return { ok: false, problem: 'invalid', detail: 'A message is needed to send the request to the device.' };
  }
  return { ok: true, message };
}

function fromJson(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `<string>text</string>`, optionally with the DataContract serialisation namespace. */
function fromXml(raw: string): string | undefined {
  const match = /^\s*<string(?:\s+xmlns="[^"]*")?\s*>([\s\S]*)<\/string>\s*$/.exec(raw);
  if (!match) return undefined;
  return match[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `sample+string`, or Web API's `=sample+string` form for a simple [FromBody] value. */
function fromForm(raw: string): string | undefined {
  const value = raw.startsWith('=') ? raw.slice(1) : raw;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
