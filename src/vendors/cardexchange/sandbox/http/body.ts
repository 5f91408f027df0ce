/**
 * Reading and validating a JSON request body. Field errors are keyed by the request's own field
 * name (`firstName`, `metadata`, ...). Each reader returns `undefined` when the field is absent
 * (or invalid), so updates touch only the fields a client sent; `null` clears an optional field.
 */
import type { SimRequest } from '../../../../sandbox/simulatorServer';
import type { Metadata, NamedRef } from '../types';
import { isCalendarDate, parseInstant } from './dates';
import { ErrorCollector, problem, ProblemError } from './problem';

type Json = Record<string, unknown>;

/** The body as a JSON object: 415 for a non-JSON content type, 400 for malformed JSON. */
export function readJsonObject(request: SimRequest): Json {
  if (request.rawBody.trim() === '') return {};
  const contentType = request.headers['content-type'] ?? '';
  if (!/json/i.test(contentType)) {
    throw new ProblemError(problem(415, `Content type '${contentType}' is not supported; send application/json.`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch (error) {
    throw bodyProblem(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw bodyProblem('The request body must be a JSON object.');
  }
  return parsed as Json;
}

function bodyProblem(message: string): ProblemError {
  return new ProblemError(problem(400, message, { errors: { '': [message] } }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export class BodyReader {
  private readonly collector = new ErrorCollector();

  constructor(private readonly body: Json) {}

  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  add(field: string, message: string): void {
    this.collector.add(field, message);
  }

  /** Throws the 400 validation problem if any field failed. */
  done(): void {
    this.collector.throwIfAny();
  }

  /** A GUID reference to another object, lower-cased like the store's keys. */
  id(field: string, required = false): string | null | undefined {
    const value = required ? this.required(field) : this.optional(field);
    return value?.toLowerCase() ?? value;
  }

  /** A string that must be present and not blank. */
  required(field: string): string | undefined {
    const value = this.body[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(field, `The ${field} field is required.`);
      return undefined;
    }
    return this.stringValue(field, value);
  }

  /** A string the client may leave out; when present it must not be blank (update of a required field). */
  presentNotBlank(field: string): string | undefined {
    return this.has(field) ? this.required(field) : undefined;
  }

  optional(field: string): string | null | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return value as null | undefined;
    return this.stringValue(field, value);
  }

  oneOf<T extends string>(field: string, values: readonly T[], required = false): T | undefined {
    const value = required ? this.required(field) : this.has(field) ? this.body[field] : undefined;
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.add(field, `'${String(value)}' is not a valid ${field}. Valid values are: ${values.join(', ')}.`);
    return undefined;
  }

  /** A YYYY-MM-DD date. */
  date(field: string, required = false): string | undefined {
    const value = required ? this.required(field) : this.optional(field) ?? undefined;
    if (value === undefined) return undefined;
    if (isCalendarDate(value)) return value;
    this.add(field, `The ${field} field must be a date in YYYY-MM-DD format.`);
    return undefined;
  }

  /** An ISO 8601 date-time, answered back normalised to UTC. */
  dateTime(field: string): string | null | undefined {
    const value = this.optional(field);
    if (value === undefined || value === null) return value;
    const instant = parseInstant(value);
    if (instant) return instant.toISOString();
    this.add(field, `The ${field} field must be an ISO 8601 date-time.`);
    return undefined;
  }

  integer(field: string, min: number, max: number, required = false): number | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (required) this.add(field, `The ${field} field is required.`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(field, `The ${field} field must be an integer between ${min} and ${max}.`);
      return undefined;
    }
    return value;
  }

  email(field: string): string | null | undefined {
    const value = this.optional(field);
    if (typeof value === 'string' && !EMAIL.test(value)) {
      this.add(field, `The ${field} field is not a valid e-mail address.`);
      return undefined;
    }
    return value;
  }

  base64(field: string): string | null | undefined {
    const value = this.optional(field);
    if (typeof value === 'string' && !BASE64.test(value.replace(/\s+/g, ''))) {
      this.add(field, `The ${field} field must be base64-encoded image data.`);
      return undefined;
    }
    return typeof value === 'string' ? value.replace(/\s+/g, '') : value;
  }

  /** `metadata`: an object whose values are all strings; `null` clears it. */
  metadata(field = 'metadata'): Metadata | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (value === null) return {};
    const valid =
      typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
    if (valid) return { ...(value as Metadata) };
    this.add(field, `The ${field} field must be an object of string keys and string values.`);
    return undefined;
  }

  /**
   * An identifier of a catalog object (profile, department, ...). Answers the object it names,
   * null when the client cleared it, undefined when absent or unknown.
   */
  ref(field: string, catalog: readonly NamedRef[], label: string, required = false): NamedRef | null | undefined {
    const id = required ? this.required(field) : this.optional(field);
    if (id === undefined || id === null) return id;
    const entry = catalog.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!entry) this.add(field, `No ${label} with id '${id}' exists.`);
    return entry;
  }

  private stringValue(field: string, value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    this.add(field, `The ${field} field must be a string.`);
    return undefined;
  }
}

/** Drops the fields a client did not send, so an update changes only what was sent. */
export function definedOnly<T extends object>(fields: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}
