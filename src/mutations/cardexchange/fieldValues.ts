/**
 * Checks of single field values that the GraphQL type system cannot express. Each returns the value
 * to send to CardExchange, or undefined after adding a problem under the field's input name.
 */
import type { InputProblems } from '../userErrors';
import { isGuid } from '../../validation/guid';
import type { FieldSpec } from './inputSpec';
import { checkMetadata } from './metadataValue';
import { checkPhoto } from './photoValue';

/** Deliberately loose: one @, a dot in the domain, no spaces. CardExchange has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkFieldValue(field: FieldSpec, value: unknown, problems: InputProblems): unknown {
  const name = field.input;
  switch (field.kind) {
    case 'text':
      if ((field.required || field.notBlank) && String(value).trim() === '') {
        problems.add(name, 'REQUIRED', `${name} must not be blank.`);
        return undefined;
      }
      return value;
    case 'guid':
      if (!isGuid(String(value))) {
        problems.add(name, 'INVALID_FORMAT', `${name} must be a GUID such as 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b, got ${quote(value)}.`);
        return undefined;
      }
      return value;
    case 'email':
      if (!EMAIL.test(String(value))) {
        problems.add(name, 'INVALID_FORMAT', `${name} must be an e-mail address such as ada@example.org, got ${quote(value)}.`);
        return undefined;
      }
      return value;
    case 'count':
      return checkCount(field, value, problems);
    case 'metadata':
      return checkMetadata(name, value, problems);
    case 'photo':
      return checkPhoto(name, value, problems);
    case 'enum':
    case 'date':
      return value;
  }
}

function checkCount(field: FieldSpec, value: unknown, problems: InputProblems): number | undefined {
  const min = field.min ?? Number.MIN_SAFE_INTEGER;
  const max = field.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = field.max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    problems.add(field.input, 'INVALID_VALUE', `${field.input} must be a whole number ${range}, got ${quote(value)}.`);
    return undefined;
  }
  return value;
}

/** A received value for a message: strings quoted and shortened, anything else as JSON. */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
