/**
 * Reading a list request's query string: paging, the `q` search term and the documented filters.
 * Every problem is collected first so one 400 answer names all bad parameters.
 */
import type { SimRequest, SimResponse } from '../../../../sandbox/simulatorServer';
import { parseInstant } from './dates';
import { pageResponse, readPaging, type Paging } from './paging';
import { ErrorCollector } from './problem';

export class ListQuery {
  private readonly errors = new ErrorCollector();
  private readonly paging: Paging;

  constructor(private readonly request: SimRequest) {
    this.paging = readPaging(request.query, this.errors);
  }

  /** A filter taking an id or free text; an empty value means no filter. */
  text(param: string): string | undefined {
    const value = this.request.query.get(param)?.trim();
    return value ? value : undefined;
  }

  /** A filter naming an object by its GUID (compared case-insensitively). */
  id(param: string): string | undefined {
    return this.text(param)?.toLowerCase();
  }

  /** An enum filter; a value outside the documented list is a 400 keyed by the parameter. */
  oneOf<T extends string>(param: string, values: readonly T[]): T | undefined {
    const value = this.text(param);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    this.errors.add(param, `'${value}' is not a valid value for ${param}. Valid values are: ${values.join(', ')}.`);
    return undefined;
  }

  /** A date or date-time filter, as milliseconds since the epoch. */
  instant(param: string): number | undefined {
    const value = this.text(param);
    if (value === undefined) return undefined;
    const date = parseInstant(value);
    if (!date) this.errors.add(param, `The ${param} parameter must be an ISO 8601 date or date-time.`);
    return date?.getTime();
  }

  /** The `q` term as a predicate over an object's text fields (case-insensitive substring). */
  search(): ((fields: ReadonlyArray<string | null | undefined>) => boolean) | undefined {
    const term = this.text('q')?.toLowerCase();
    if (term === undefined) return undefined;
    return (fields) => fields.some((field) => field?.toLowerCase().includes(term) ?? false);
  }

  /** Fails with every collected parameter error, or answers the requested page of `items`. */
  respond<T>(items: readonly T[], view: (item: T) => unknown): SimResponse {
    this.errors.throwIfAny();
    return pageResponse(this.request, items, this.paging, view);
  }
}

/** True when an optional date lies strictly after / before a bound (a missing date never matches). */
export function isAfter(value: string | null, bound: number | undefined): boolean {
  return bound === undefined || (value !== null && Date.parse(value) > bound);
}

export function isBefore(value: string | null, bound: number | undefined): boolean {
  return bound === undefined || (value !== null && Date.parse(value) < bound);
}
