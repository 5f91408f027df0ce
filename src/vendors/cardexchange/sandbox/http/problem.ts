/**
 * Errors as CardExchange sends them: RFC 7807 problem details with the documented attributes
 * `title`, `status`, `detail` and `errors` (parameter name -> messages; '' when not tied to one).
 */
import type { SimResponse } from '../../../../sandbox/simulatorServer';

export type ErrorMap = Record<string, string[]>;

export const VALIDATION_TITLE = 'One or more validation errors occurred.';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
};

export function problem(
  status: number,
  detail: string,
  options: { title?: string; errors?: ErrorMap; headers?: Record<string, string> } = {},
): SimResponse {
  const body: Record<string, unknown> = { title: options.title ?? TITLES[status] ?? 'Error', status, detail };
  if (options.errors) body.errors = options.errors;
  return { status, body, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...options.headers } };
}

/** Thrown by handlers; the route wrapper turns it into the response it carries. */
export class ProblemError extends Error {
  constructor(readonly response: SimResponse) {
    super(`problem ${response.status}`);
  }
}

export function notFound(kind: string, id: string): ProblemError {
  return new ProblemError(problem(404, `No ${kind} with id '${id}' exists.`));
}

export function validationFailed(errors: ErrorMap): ProblemError {
  return new ProblemError(
    problem(400, 'See the errors property for details.', { title: VALIDATION_TITLE, errors }),
  );
}

/** Collects validation messages per field or parameter, then fails them all at once. */
export class ErrorCollector {
  readonly errors: ErrorMap = {};

  add(key: string, message: string): void {
    (this.errors[key] ??= []).push(message);
  }

  has(key: string): boolean {
    return key in this.errors;
  }

  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw validationFailed(this.errors);
  }
}
