/**
 * `metadata`: CardExchange's key-value data, a JSON object of string keys to string values. The
 * JSON scalar lets anything through, so the shape is checked here, naming what was received.
 */
import type { InputProblems } from '../userErrors';

export function checkMetadata(name: string, value: unknown, problems: InputProblems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(
      name,
      'INVALID_FORMAT',
      `${name} must be a JSON object whose values are strings, e.g. {"employeeNumber": "E-1042"}; got ${describe(value)}.`,
    );
    return undefined;
  }
  let valid = true;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      valid = false;
      problems.add([name, key], 'INVALID_FORMAT', `${name}.${key} must be a string, got ${describe(entry)}.`);
    }
  }
  return valid ? (value as Record<string, string>) : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
