/**
 * Binds a JSON body to a view model the way ASP.NET Web API with Json.NET
 * does, closely enough for a client to meet the same surprises:
 *   - property names match case-insensitively;
 *   - a numeric string converts to an integer, a number to a string;
 *   - a value that cannot convert (a GUID that is not one, 3.5 for an int)
 *     is a model-state error, which the controller answers with 400.
 * Missing properties and JSON null both bind to null.
 *
 * Error texts never echo the value of a field marked sensitive (the PIN).
 */

export type { ModelState } from '../../../sandbox/aspNetWebApiErrors';
import type { ModelState } from '../../../sandbox/aspNetWebApiErrors';

const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const INTEGER = /^\s*-?\d+\s*$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

export class ModelBinder {
  readonly modelState: ModelState = {};

  constructor(private readonly body: Record<string, unknown>) {}

  get valid(): boolean {
    return Object.keys(this.modelState).length === 0;
  }

  guid(name: string): string | null {
    const value = this.raw(name);
    if (value === null) return null;
    const match = typeof value === 'string' ? GUID.exec(value.trim()) : null;
    if (!match) return this.fail(name, `Error converting value ${show(value)} to type 'System.Guid'.`);
    return match.slice(1).join('-').toLowerCase();
  }

  int32(name: string): number | null {
    return this.integer(name, 'System.Int32', (n) => n >= INT32_MIN && n <= INT32_MAX);
  }

  /** Int64 as far as JavaScript numbers hold it exactly (±2^53). */
  int64(name: string): number | null {
    return this.integer(name, 'System.Int64', Number.isSafeInteger);
  }

  string(name: string, options: { sensitive?: boolean } = {}): string | null {
    const value = this.raw(name);
    if (value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const shown = options.sensitive ? 'the value' : show(value);
    return this.fail(name, `Error converting ${shown} to type 'System.String'.`);
  }

  private integer(name: string, typeName: string, inRange: (n: number) => boolean): number | null {
    const value = this.raw(name);
    if (value === null) return null;
    const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || !inRange(n)) {
      return this.fail(name, `Error converting value ${show(value)} to type '${typeName}'.`);
    }
    return n;
  }

  private raw(name: string): unknown {
    const wanted = name.toLowerCase();
    const key = Object.keys(this.body).find((k) => k.toLowerCase() === wanted);
    const value = key === undefined ? undefined : this.body[key];
    return value === undefined ? null : value;
  }

  private fail(name: string, message: string): null {
    (this.modelState[`model.${name}`] ??= []).push(`${message} Path '${name}'.`);
    return null;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
