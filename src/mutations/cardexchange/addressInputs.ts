/**
 * CreateAddressInput and UpdateAddressInput. Every attribute but metadata is required on create;
 * on update each may be left out, but none can be blanked.
 */
import type { FieldSpec, InputSpec } from './inputSpec';

const TEXT = ['streetAddress', 'locality', 'region', 'postalCode', 'country'] as const;

function addressFields(required: boolean): FieldSpec[] {
  const presence = required ? { required: true } : { notBlank: true };
  return [
    { input: 'personId', vendor: 'person', kind: 'guid', ...presence },
    { input: 'type', vendor: 'type', kind: 'enum', ...presence },
    ...TEXT.map((name): FieldSpec => ({ input: name, vendor: name, kind: 'text', ...presence })),
    { input: 'metadata', vendor: 'metadata', kind: 'metadata', clearable: true },
  ];
}

export const addressInput: { create: InputSpec; update: InputSpec } = {
  create: { fields: addressFields(true) },
  update: { fields: addressFields(false) },
};
