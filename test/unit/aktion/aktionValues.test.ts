/** Aktion dates, internal numbers and model-state messages: the small pure rules. */
import { parseAktionDate } from '../../../src/vendors/aktion/dates';
import { internalNumberProblem, normaliseInternalNumber } from '../../../src/vendors/aktion/internalNumber';
import { fieldNamedIn } from '../../../src/vendors/aktion/writeOutcome';
import { redactAktionText } from '../../../src/vendors/aktion/errors';

describe('parseAktionDate', () => {
  it.each([
    ['/Date(1733227751335)/', '2024-12-03T12:09:11.335Z'],
    ['/Date(1733227751335+0100)/', '2024-12-03T12:09:11.335Z'],
    ['/Date(-86400000)/', '1969-12-31T00:00:00.000Z'],
    ['2024-12-03T18:23:08.0045457+01:00', '2024-12-03T17:23:08.004Z'],
    ['2024-12-03T12:09:11.3358625Z', '2024-12-03T12:09:11.335Z'],
    ['2024-12-03T12:09:11', '2024-12-03T12:09:11.000Z'],
    ['2024-12-03', '2024-12-03T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseAktionDate(input)).toBe(expected);
  });

  it('reads null and absent dates as null', () => {
    expect(parseAktionDate(null)).toBeNull();
    expect(parseAktionDate(undefined)).toBeNull();
  });

  it.each(['tomorrow', '/Date(abc)/', '2024-13-45T00:00:00Z', 12345])('refuses %p with VENDOR_BAD_RESPONSE', (input) => {
    expect(() => parseAktionDate(input)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE', vendor: 'aktion' }) }));
  });
});

describe('internal numbers', () => {
  it('normalises like Aktion: upper case, leading zeros removed, all zeros kept as 0', () => {
    expect(normaliseInternalNumber('0105af00bc')).toBe('105AF00BC');
    expect(normaliseInternalNumber('0000')).toBe('0');
  });

  it('checks the documented rule on the number as typed', () => {
    expect(internalNumberProblem('0105AF00BC')).toBeNull();
    expect(internalNumberProblem('F'.repeat(20))).toBeNull();
    expect(internalNumberProblem('0'.repeat(20) + '1')?.code).toBe('INVALID_VALUE'); // 21 characters, even if mostly zeros
    expect(internalNumberProblem('12 34')?.code).toBe('INVALID_FORMAT');
    expect(internalNumberProblem('')?.code).toBe('REQUIRED');
  });
});

describe('fieldNamedIn (ModelStateErr → input field)', () => {
  it.each([
    ["Error converting value \"x\" to type 'System.Int32'. Path 'Technology'.", 'technology'],
    ["Error converting value \"x\" to type 'System.Int32'. Path 'Type'.", 'type'],
    ["The field InternalNrLong must match the regular expression '[0-9a-fA-F]+'.", 'internalNumber'],
    ['The RegistrationNr field is required.', 'registrationNumber'],
    ['The field Lock must be between 0 and 1.', 'locked'],
    ["Could not convert string to DateTime: x. Path 'ValidFrom'.", 'validFrom'],
  ])('finds the field in %j', (message, field) => {
    expect(fieldNamedIn(message)).toBe(field);
  });

  it('finds nothing in a message that names no field', () => {
    expect(fieldNamedIn('The request body is not valid JSON')).toBeUndefined();
  });
});

describe('redactAktionText', () => {
  it('removes the token and any GUID from vendor messages', () => {
    expect(redactAktionText('Token 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b already expired')).toBe('Token [redacted] already expired');
    expect(redactAktionText('Token {ABC} not found', '{ABC}')).toBe('Token [redacted] not found');
  });
});
