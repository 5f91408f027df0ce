/**
 * Aktion's InternalNrLong rules (identifiers-create.txt / identifiers-update.txt): hexadecimal
 * digits only (`[0-9a-fA-F]+`), at most 20 characters as sent, leading zeros removed by Aktion.
 * Checked before any call so an invalid number never reaches the vendor.
 */
import type { UserErrorCode } from '../../mutations/userErrors';
import { isHexNumber, normaliseHexNumber } from '../../validation/chipSerial';

export const INTERNAL_NUMBER_MAX_LENGTH = 20;

export interface InternalNumberProblem {
  code: UserErrorCode;
  message: string;
}

/** What is wrong with `value` as an internal number, or null when it is valid. */
export function internalNumberProblem(value: string): InternalNumberProblem | null {
  if (value === '') return { code: 'REQUIRED', message: 'Enter the internal number of the identifier.' };
  if (!isHexNumber(value)) {
    return { code: 'INVALID_FORMAT', message: 'The internal number must consist of hexadecimal digits only (0-9, A-F).' };
  }
  if (value.length > INTERNAL_NUMBER_MAX_LENGTH) {
    return {
      code: 'INVALID_VALUE',
      message: `The internal number may have at most ${INTERNAL_NUMBER_MAX_LENGTH} digits; it has ${value.length}.`,
    };
  }
  return null;
}

/** The number as Aktion stores it: upper case, without leading zeros. */
export function normaliseInternalNumber(value: string): string {
  return normaliseHexNumber(value);
}

/** True when a chip serial number can be an Aktion internal number (so it is worth looking up). */
export function isValidInternalNumber(value: string): boolean {
  return internalNumberProblem(value) === null;
}
