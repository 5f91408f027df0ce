/**
 * How one GraphQL mutation input maps onto a CardExchange request body, field by field. Each input
 * type declares its table once (see the `*Inputs.ts` modules next to this one); checking the input,
 * building the vendor body and pointing the vendor's validation errors back at input fields all read
 * that same table, so the three can never disagree about a field.
 */
import type { InputProblems, UserErrorValue } from '../userErrors';

export type FieldKind =
  /** A string. */
  | 'text'
  /** The GUID of a CardExchange object (person, cardholder, profile, department, ...). */
  | 'guid'
  /** A GraphQL enum: graphql-tools has already checked it and turned it into the vendor's string. */
  | 'enum'
  /** A `Date` or `DateTime`: the scalar has already checked and normalised it. */
  | 'date'
  | 'email'
  | 'metadata'
  | 'photo'
  /** A whole number within `min`..`max`. */
  | 'count';

export interface FieldSpec {
  /** Name in the GraphQL input, e.g. `profileId`. */
  input: string;
  /** Name in CardExchange's request body (and in its `errors` map), e.g. `profile`. */
  vendor: string;
  kind: FieldKind;
  /** Must be given and not blank (the document marks it required). */
  required?: boolean;
  /** May be left out, but when given must not be blank or null (an update of a required attribute). */
  notBlank?: boolean;
  /** In an update, `null` is sent to CardExchange to clear the value. Otherwise `null` is refused. */
  clearable?: boolean;
  min?: number;
  max?: number;
}

export interface InputSpec {
  fields: readonly FieldSpec[];
  /** Rules that involve more than one field, e.g. an end not before a start. */
  crossCheck?: (input: Readonly<Record<string, unknown>>, problems: InputProblems) => void;
}

/** Create: `null` means "not given". Update: `null` means "clear", where the field allows it. */
export type WriteMode = 'create' | 'update';

export interface CheckedInput {
  /** The CardExchange request body: only the fields the input set, under the vendor's names. */
  body: Record<string, unknown>;
  errors: UserErrorValue[];
}
