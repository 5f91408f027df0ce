/**
 * Business failures of mutations (`userErrors` in every payload), shared by all vendors.
 * Validation collects every problem of an input at once, so a form can show them together.
 */
import type { UserErrorCode } from '../generated/graphql';

export type { UserErrorCode };

export interface UserErrorValue {
  message: string;
  field: string[] | null;
  code: UserErrorCode;
}

export function userError(field: string[] | null, code: UserErrorCode, message: string): UserErrorValue {
  return { field, code, message };
}

/** Collects the problems of one mutation input; `field` paths are relative to the argument (`input`). */
export class InputProblems {
  readonly errors: UserErrorValue[] = [];

  constructor(private readonly argument = 'input') {}

  add(field: string | string[], code: UserErrorCode, message: string): this {
    const path = Array.isArray(field) ? field : [field];
    this.errors.push(userError([this.argument, ...path], code, message));
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

/** The payload of a mutation that failed with user errors: the object field is null. */
export function failedPayload<K extends string>(objectField: K, errors: UserErrorValue[]): Record<K, null> & { userErrors: UserErrorValue[] } {
  return { [objectField]: null, userErrors: errors } as Record<K, null> & { userErrors: UserErrorValue[] };
}
