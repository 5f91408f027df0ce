/**
 * CreateAnonymousSetInput and AddCardsToAnonymousSetInput. `quantity` is at least 1 (the document)
 * and at most MAX_ANONYMOUS_QUANTITY per call (the gateway's own guard: the cards it creates can
 * never be deleted, so a typo such as 10000 for 100 must not get through).
 */
import type { FieldSpec, InputSpec } from './inputSpec';

export const MAX_ANONYMOUS_QUANTITY = 1000;

const quantity: FieldSpec = { input: 'quantity', vendor: 'quantity', kind: 'count', required: true, min: 1, max: MAX_ANONYMOUS_QUANTITY };

/** Settings for the new cardholders, the same on create and on add. */
const memberFields: readonly FieldSpec[] = [
  { input: 'businessUnitId', vendor: 'businessUnit', kind: 'guid' },
  { input: 'externalCompanyId', vendor: 'externalCompany', kind: 'guid' },
  { input: 'departmentId', vendor: 'department', kind: 'guid' },
  { input: 'jobTitle', vendor: 'jobTitle', kind: 'text' },
  { input: 'locationId', vendor: 'location', kind: 'guid' },
  { input: 'costAccountId', vendor: 'costAccount', kind: 'guid' },
  { input: 'note', vendor: 'note', kind: 'text' },
];

export const createAnonymousSetInput: InputSpec = {
  fields: [
    { input: 'profileId', vendor: 'profile', kind: 'guid', required: true },
    { input: 'defaultName', vendor: 'defaultName', kind: 'text', required: true },
    quantity,
    ...memberFields,
  ],
};

export const addCardsToAnonymousSetInput: InputSpec = { fields: [quantity, ...memberFields] };
