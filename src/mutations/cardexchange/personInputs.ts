/**
 * CreatePersonInput and UpdatePersonInput. The document requires firstName, lastName and birthDate
 * on create and on update alike; the other attributes are optional.
 */
import type { FieldSpec, InputSpec } from './inputSpec';

const optionalFields: readonly FieldSpec[] = [
  { input: 'middleName', vendor: 'middleName', kind: 'text', clearable: true },
  { input: 'profileId', vendor: 'profile', kind: 'guid', clearable: true },
  { input: 'addressPreference', vendor: 'addressPreference', kind: 'enum' },
  { input: 'identificationType', vendor: 'identificationType', kind: 'enum' },
  { input: 'identificationValue', vendor: 'identificationTypeValue', kind: 'text', clearable: true },
  { input: 'gender', vendor: 'gender', kind: 'enum' },
  { input: 'prefix', vendor: 'prefix', kind: 'enum' },
  { input: 'suffix', vendor: 'suffix', kind: 'enum' },
  { input: 'phoneNumber', vendor: 'phoneNumber', kind: 'text', clearable: true },
  { input: 'mobileNumber', vendor: 'mobileNumber', kind: 'text', clearable: true },
  { input: 'status', vendor: 'status', kind: 'enum' },
  { input: 'metadata', vendor: 'metadata', kind: 'metadata', clearable: true },
  { input: 'photo', vendor: 'photo', kind: 'photo', clearable: true },
];

const requiredFields: readonly FieldSpec[] = [
  { input: 'firstName', vendor: 'firstName', kind: 'text', required: true },
  { input: 'lastName', vendor: 'lastName', kind: 'text', required: true },
  { input: 'birthDate', vendor: 'birthDate', kind: 'date', required: true },
];

export const createPersonInput: InputSpec = { fields: [...requiredFields, ...optionalFields] };

export const updatePersonInput: InputSpec = { fields: [...requiredFields, ...optionalFields] };
