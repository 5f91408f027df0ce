/**
 * CreateCardholderInput and UpdateCardholderInput. The document requires the profile on create and
 * on update; the password can only be set on create. Catalog references (business unit, department,
 * ...) are GUIDs like every id the document types; whether they exist only CardExchange knows.
 */
import type { InputProblems } from '../userErrors';
import type { FieldSpec, InputSpec } from './inputSpec';

const optionalFields: readonly FieldSpec[] = [
  { input: 'personId', vendor: 'person', kind: 'guid', clearable: true },
  { input: 'loginId', vendor: 'loginId', kind: 'text', clearable: true },
  { input: 'email', vendor: 'email', kind: 'email', clearable: true },
  { input: 'businessUnitId', vendor: 'businessUnit', kind: 'guid', clearable: true },
  { input: 'externalCompanyId', vendor: 'externalCompany', kind: 'guid', clearable: true },
  { input: 'departmentId', vendor: 'department', kind: 'guid', clearable: true },
  { input: 'locationId', vendor: 'location', kind: 'guid', clearable: true },
  { input: 'costAccountId', vendor: 'costAccount', kind: 'guid', clearable: true },
  { input: 'startDate', vendor: 'startDate', kind: 'date', clearable: true },
  { input: 'endDate', vendor: 'endDate', kind: 'date', clearable: true },
  { input: 'status', vendor: 'status', kind: 'enum' },
  { input: 'nameOnCard', vendor: 'nameOnCard', kind: 'text', clearable: true },
  { input: 'note', vendor: 'note', kind: 'text', clearable: true },
  { input: 'metadata', vendor: 'metadata', kind: 'metadata', clearable: true },
];

const profile: FieldSpec = { input: 'profileId', vendor: 'profile', kind: 'guid', required: true };

/** When both dates are given, the end must not come before the start. (With one, CardExchange compares.) */
function endNotBeforeStart(input: Readonly<Record<string, unknown>>, problems: InputProblems): void {
  const { startDate, endDate } = input;
  if (typeof startDate !== 'string' || typeof endDate !== 'string') return;
  if (Date.parse(endDate) < Date.parse(startDate)) {
    problems.add('endDate', 'INVALID_VALUE', `endDate (${endDate}) must not be before startDate (${startDate}).`);
  }
}

export const createCardholderInput: InputSpec = {
  fields: [profile, { input: 'password', vendor: 'password', kind: 'text' }, ...optionalFields],
  crossCheck: endNotBeforeStart,
};

export const updateCardholderInput: InputSpec = {
  fields: [profile, ...optionalFields],
  crossCheck: endNotBeforeStart,
};
