/**
 * Request validation, as the vendor's ASP.NET model binding and data
 * annotations would do it. Failures become 400/1002 with `ModelStateErr`.
 *
 * ModelStateErr entries are the .NET default data-annotation texts ("The X
 * field is required.", "The field X must match the regular expression 'p'.",
 * ...) or Json.NET-style binding texts ("Error converting value ... Path 'X'.").
 * The documents do not show real entries; what is certain is that each text
 * names its field, so a client can map it to an input path.
 *
 * Deliberate strictness: Json.NET would coerce `"2"` into an int and `123`
 * into a string; we refuse both, so a gateway that sends the wrong JSON type
 * is caught here instead of passing by luck. Property names are matched
 * case-insensitively, as Json.NET does.
 */
import { parseAktionDate } from './dates';
import type { IdentifierPatch, IdentifierStatus, IdentifierType, StoredIdentifier, Technology } from './identifiers';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const INTERNAL_NR_PATTERN = /^[0-9a-fA-F]+$/;
const INTERNAL_NR_MAX = 20;
const REGISTRATION_NR_MAX = 100;
const INT32_MAX = 2_147_483_647;

/** The identifier fields, in the vendor's order (also the order of echoed requests). */
export const IDENTIFIER_FIELDS = [
  'InternalNrLong',
  'RegistrationNr',
  'Technology',
  'Type',
  'Status',
  'Lock',
  'Security',
  'ValidFrom',
  'ValidTo',
] as const;

/** A JSON object's property by name, exact spelling first, then case-insensitively (Json.NET's rule). */
export function property(body: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(body, name)) return body[name];
  const lower = name.toLowerCase();
  const key = Object.keys(body).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : body[key];
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known fields of a request body as received, for echoing in `Request` of an error answer. */
export function echoRequest(body: unknown, fields: readonly string[] = IDENTIFIER_FIELDS): Record<string, unknown> | null {
  if (!isJsonObject(body)) return null;
  const echo: Record<string, unknown> = {};
  for (const field of fields) {
    const value = property(body, field);
    echo[field] = value === undefined ? null : value;
  }
  return echo;
}

/** Checks an InternalNrLong (body or query); returns the problems found. */
export function internalNrErrors(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return ['The InternalNrLong field is required.'];
  if (typeof value !== 'string') return [conversionError(value, 'System.String', 'InternalNrLong')];
  const errors: string[] = [];
  if (!INTERNAL_NR_PATTERN.test(value)) {
    errors.push("The field InternalNrLong must match the regular expression '[0-9a-fA-F]+'.");
  }
  // The length rule applies to the value as sent, before leading zeros are removed.
  if (value.length > INTERNAL_NR_MAX) {
    errors.push(`The field InternalNrLong must be a string with a maximum length of ${INTERNAL_NR_MAX}.`);
  }
  return errors;
}

/** What a valid create body binds to. */
export type CreateInput = StoredIdentifier;
/** What a valid update body binds to: the number plus the fields to change. */
export interface UpdateInput {
  InternalNrLong: string;
  patch: IdentifierPatch;
}

/**
 * Create: InternalNrLong, RegistrationNr, Technology and Type are required;
 * Status defaults to 0 (free), Lock and Security to 0, dates to none.
 * `InternalNrLong` is returned as sent; the caller normalises it.
 */
export function validateCreate(body: unknown): Validated<CreateInput> {
  const fields = bindFields(body, 'create');
  if (!fields.ok) return fields;
  const f = fields.value;
  return {
    ok: true,
    value: {
      InternalNrLong: f.InternalNrLong,
      RegistrationNr: f.RegistrationNr!,
      Technology: f.Technology!,
      Type: f.Type!,
      Status: f.Status ?? 0,
      Lock: f.Lock ?? 0,
      Security: f.Security ?? 0,
      ValidFrom: f.ValidFrom ?? null,
      ValidTo: f.ValidTo ?? null,
    },
  };
}

/**
 * Update: only InternalNrLong is required. An absent or null field stays as
 * stored. (As with .NET nullable properties, null cannot be told from absent,
 * so a date cannot be cleared through update.)
 */
export function validateUpdate(body: unknown): Validated<UpdateInput> {
  const fields = bindFields(body, 'update');
  if (!fields.ok) return fields;
  const { InternalNrLong, ...patch } = fields.value;
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) if (patch[key] === undefined) delete patch[key];
  return { ok: true, value: { InternalNrLong, patch } };
}

/** Remove: `{"InternalNrLong": "..."}`. */
export function validateRemove(body: unknown): Validated<{ InternalNrLong: string }> {
  if (!isJsonObject(body)) return { ok: false, errors: [missingBody()] };
  const value = property(body, 'InternalNrLong');
  const errors = internalNrErrors(value);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { InternalNrLong: value as string } };
}

/** Login: `{"UserLogin": "...", "ApiKey": "..."}`, both non-empty strings. */
export function validateLogin(body: unknown): Validated<{ UserLogin: string; ApiKey: string }> {
  if (!isJsonObject(body)) return { ok: false, errors: [missingBody()] };
  const errors: string[] = [];
  const read = (name: string): string => {
    const value = property(body, name);
    if (value === undefined || value === null || value === '') errors.push(`The ${name} field is required.`);
    else if (typeof value !== 'string') errors.push(conversionError(value, 'System.String', name));
    else return value;
    return '';
  };
  const UserLogin = read('UserLogin');
  const ApiKey = read('ApiKey');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { UserLogin, ApiKey } };
}

/** getAll paging: both optional; PageNumber is 1-based. */
export function validatePaging(
  pageNumber: string | undefined,
  pageSize: string | undefined,
): Validated<{ pageNumber?: number; pageSize?: number }> {
  const errors: string[] = [];
  const read = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined || raw === '') return undefined;
    const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n > INT32_MAX) {
      errors.push(`The value '${raw}' is not valid for ${name}.`);
      return undefined;
    }
    if (n < 1) errors.push(`The field ${name} must be between 1 and ${INT32_MAX}.`);
    return n;
  };
  const number = read('PageNumber', pageNumber);
  const size = read('PageSize', pageSize);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { pageNumber: number, pageSize: size } };
}

interface BoundFields {
  InternalNrLong: string;
  RegistrationNr?: string;
  Technology?: Technology;
  Type?: IdentifierType;
  Status?: IdentifierStatus;
  Lock?: 0 | 1;
  Security?: 0 | 1;
  ValidFrom?: number;
  ValidTo?: number;
}

function bindFields(body: unknown, mode: 'create' | 'update'): Validated<BoundFields> {
  if (!isJsonObject(body)) return { ok: false, errors: [missingBody()] };
  const errors: string[] = [];
  const required = mode === 'create';

  const internalNr = property(body, 'InternalNrLong');
  errors.push(...internalNrErrors(internalNr));

  let registrationNr: string | undefined;
  const reg = property(body, 'RegistrationNr');
  if (reg === undefined || reg === null || (required && reg === '')) {
    if (required) errors.push('The RegistrationNr field is required.');
  } else if (typeof reg !== 'string') {
    errors.push(conversionError(reg, 'System.String', 'RegistrationNr'));
  } else if (reg.length > REGISTRATION_NR_MAX) {
    errors.push(`The field RegistrationNr must be a string with a maximum length of ${REGISTRATION_NR_MAX}.`);
  } else {
    registrationNr = reg;
  }

  const technology = integerField(body, 'Technology', required, errors, [0, 1, 2, 3, 4, 5], "must match the regular expression '[0,1,2,3,4,5]'");
  // 5 (Article) exists in Aktion but is "not supported by WebAPI".
  const type = integerField(body, 'Type', required, errors, [0, 1, 2, 3, 4], "must match the regular expression '[0,1,2,3,4]'");
  // 1 (assigned) and 4 (configuration) exist but cannot be set through the WebAPI.
  const status = integerField(body, 'Status', false, errors, [0, 2], "must match the regular expression '[0,2]'");
  const lock = integerField(body, 'Lock', false, errors, [0, 1], 'must be between 0 and 1');
  const security = integerField(body, 'Security', false, errors, [0, 1], 'must be between 0 and 1');
  const validFrom = dateField(body, 'ValidFrom', errors);
  const validTo = dateField(body, 'ValidTo', errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      InternalNrLong: internalNr as string,
      RegistrationNr: registrationNr,
      Technology: technology as Technology | undefined,
      Type: type as IdentifierType | undefined,
      Status: status as IdentifierStatus | undefined,
      Lock: lock as 0 | 1 | undefined,
      Security: security as 0 | 1 | undefined,
      ValidFrom: validFrom,
      ValidTo: validTo,
    },
  };
}

function integerField(
  body: Record<string, unknown>,
  name: string,
  required: boolean,
  errors: string[],
  allowed: readonly number[],
  rule: string,
): number | undefined {
  const value = property(body, name);
  if (value === undefined || value === null) {
    if (required) errors.push(`The ${name} field is required.`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
    errors.push(conversionError(value, 'System.Int32', name));
    return undefined;
  }
  if (!allowed.includes(value)) {
    errors.push(`The field ${name} ${rule}.`);
    return undefined;
  }
  return value;
}

function dateField(body: Record<string, unknown>, name: string, errors: string[]): number | undefined {
  const value = property(body, name);
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseAktionDate(value) : undefined;
  if (ms === undefined) {
    errors.push(`Could not convert ${typeof value === 'string' ? 'string' : 'value'} to DateTime: ${String(value)}. Path '${name}'.`);
  }
  return ms;
}

function conversionError(value: unknown, type: string, path: string): string {
  return `Error converting value ${JSON.stringify(value)} to type '${type}'. Path '${path}'.`;
}

function missingBody(): string {
  return 'The request field is required: the body is missing or is not a JSON object.';
}
