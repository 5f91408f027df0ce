/**
 * Checks a mutation input against its field table before anything is sent, collecting every
 * problem at once, and builds the CardExchange body from what the input set: fields left out are
 * left out of the body too, so an update never clears what the client did not mention.
 */
import { InputProblems } from '../userErrors';
import { checkFieldValue } from './fieldValues';
import type { CheckedInput, FieldSpec, InputSpec, WriteMode } from './inputSpec';

export function checkInput(input: Readonly<Record<string, unknown>>, spec: InputSpec, mode: WriteMode): CheckedInput {
  const problems = new InputProblems();
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = input[field.input];
    if (value === undefined) {
      if (field.required) problems.add(field.input, 'REQUIRED', `${field.input} is required.`);
      continue;
    }
    if (value === null) {
      checkNull(field, mode, problems, body);
      continue;
    }
    const checked = checkFieldValue(field, value, problems);
    if (checked !== undefined) body[field.vendor] = checked;
  }
  spec.crossCheck?.(input, problems);
  return { body, errors: problems.errors };
}

function checkNull(field: FieldSpec, mode: WriteMode, problems: InputProblems, body: Record<string, unknown>): void {
  if (field.required || field.notBlank) {
    problems.add(field.input, 'REQUIRED', `${field.input} cannot be null: CardExchange requires it${field.required ? '' : ' whenever it is sent; leave it out to keep the current value'}.`);
  } else if (mode === 'create') {
    // Nothing to clear on a new object: null is the same as leaving the field out.
  } else if (field.clearable) {
    body[field.vendor] = null;
  } else {
    problems.add(field.input, 'INVALID_VALUE', `${field.input} cannot be cleared; leave it out to keep the current value.`);
  }
}
