/**
 * A person's photo: base64-encoded image data, bounded in size so a mistaken upload cannot load
 * megabytes into CardExchange (the gateway also caps whole request bodies, at 1 MiB by default).
 * Whitespace (e.g. line breaks every 76 characters) is removed before sending.
 */
import type { InputProblems } from '../userErrors';

export const MAX_PHOTO_BYTES = 512 * 1024;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function checkPhoto(name: string, value: unknown, problems: InputProblems): string | undefined {
  const text = String(value).replace(/\s+/g, '');
  if (text.startsWith('data:')) {
    problems.add(name, 'INVALID_FORMAT', `${name} must be the base64 data alone, without the "data:...;base64," prefix.`);
    return undefined;
  }
  if (text === '' || !BASE64.test(text)) {
    problems.add(name, 'INVALID_FORMAT', `${name} must be base64-encoded image data (A-Z, a-z, 0-9, +, / and = padding).`);
    return undefined;
  }
  const bytes = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (bytes > MAX_PHOTO_BYTES) {
    problems.add(name, 'INVALID_VALUE', `${name} is ${bytes} bytes once decoded; at most ${MAX_PHOTO_BYTES} bytes (${MAX_PHOTO_BYTES / 1024} KiB) are accepted.`);
    return undefined;
  }
  return text;
}
