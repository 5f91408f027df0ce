/**
 * The HTTP routes of the simulated Aktion WebAPI, mounted under `/api`.
 *
 * RESPONSE SHAPES. Every answer is JSON with `Result: { Message, Code,
 * ModelStateErr }` first (ModelStateErr is null unless validation failed).
 * The documents show the rest only for create and update; for the other calls
 * we chose shapes in the same style (BaseResp<T>: Result plus one payload
 * property named after what it holds):
 *   POST login                        -> { Result, Token, ExpireInSec, ExpireDate }   (NOTES.md; Result added for uniformity)
 *   POST identifier/create, /update   -> { Result, Request: <identifier as stored> } (documented)
 *   POST identifier/remove            -> { Result, Request: { InternalNrLong } }     (CHOSEN: echo like create/update)
 *   GET  identifier/get               -> { Result, Identifier: <identifier> }          (CHOSEN)
 *   GET  identifier/getAll            -> { Result, Identifiers: [...], TotalCount }    (CHOSEN)
 *   GET  identifier/getAccessPrivileges -> { Result, InternalNrLong, AccessPrivileges: [{ Id, Name, ValidFrom, ValidTo }] } (CHOSEN)
 * An identifier always has all nine fields of the create request; dates are
 * `"\/Date(ms)\/"` or null. Errors are `{ Result }` with the HTTP status and
 * error number of the documents; create/update/remove errors that happen after
 * the body was read also carry `Request` (the text/json sample shows a failed
 * Result together with a Request).
 *
 * ORDER OF CHECKS (as the ASP.NET pipeline would): token (401/1000, 1001) ->
 * media type (415) -> body/query binding and validation (400/1002) -> forced
 * and reserved errors (privileges, DB failures) -> the store (404/1140, 403/3,
 * 202 unchanged).
 *
 * MEDIA TYPES. The real server also accepts application/xml and text/xml; the
 * simulator supports JSON only (application/json, text/json) and answers 415
 * to everything else, XML included, because the gateway only speaks JSON. It
 * always answers in JSON, whatever the Accept header says.
 */
import type { SimRequest, SimResponse, SimulatorServer } from '../../../sandbox/simulatorServer';
import { escapeMsDates, formatAktionDate } from './dates';
import {
  aktionMessage,
  reservedError,
  SUCCESS_MESSAGE,
  UNCHANGED_MESSAGE,
  UNSUPPORTED_MEDIA_TYPE_CODE,
  UNSUPPORTED_MEDIA_TYPE_MESSAGE,
  type AktionOperation,
  type ForcedError,
} from './errors';
import { normaliseInternalNr, toWire, type IdentifierStore } from './identifiers';
import { accessPrivilegesFor } from './privileges';
import type { SlidingWindowLimiter } from './rateLimit';
import type { TokenStore } from './tokens';
import {
  echoRequest,
  internalNrErrors,
  validateCreate,
  validateLogin,
  validatePaging,
  validateRemove,
  validateUpdate,
} from './validation';

/** Page size of getAll when PageNumber is given without PageSize (not documented). */
export const DEFAULT_PAGE_SIZE = 50;

export type ForceErrorHook = (op: AktionOperation, internalNr: string) => ForcedError | undefined;

export interface AktionRouteContext {
  userLogin: string;
  apiKey: string;
  tokenTtlSeconds: number;
  store: IdentifierStore;
  tokens: TokenStore;
  loginLimiter: SlidingWindowLimiter;
  /** Read on every call so tests can swap the hook on a running simulator. */
  forceError: () => ForceErrorHook | undefined;
}

export function registerAktionRoutes(server: SimulatorServer, ctx: AktionRouteContext): void {
  server
    .route('POST', '/api/login', (req) => login(ctx, req))
    .route('POST', '/api/identifier/create', (req) => authorised(ctx, req, (user) => create(ctx, req, user)))
    .route('POST', '/api/identifier/update', (req) => authorised(ctx, req, (user) => update(ctx, req, user)))
    .route('POST', '/api/identifier/remove', (req) => authorised(ctx, req, (user) => remove(ctx, req, user)))
    .route('GET', '/api/identifier/get', (req) => authorised(ctx, req, (user) => get(ctx, req, user)))
    .route('GET', '/api/identifier/getAll', (req) => authorised(ctx, req, () => getAll(ctx, req)))
    .route('GET', '/api/identifier/getAccessPrivileges', (req) =>
      authorised(ctx, req, (user) => getAccessPrivileges(ctx, req, user)),
    );
}

// ---------------------------------------------------------------- handlers

function login(ctx: AktionRouteContext, req: SimRequest): SimResponse {
  const media = checkMediaType(req);
  if (media) return media;
  const body = readJson(req);
  if (!body.ok) return validationFailed(body.errors);
  const input = validateLogin(body.value);
  if (!input.ok) return validationFailed(input.errors);
  const { UserLogin, ApiKey } = input.value;

  // The policy is per login; it is checked before the credentials, so guessing keys is throttled too.
  if (!ctx.loginLimiter.tryAcquire(UserLogin.toLowerCase())) {
    return failure(401, 1008, aktionMessage(1008, { userLogin: UserLogin }));
  }
  // Logins compare case-insensitively (SQL Server's default collation); API keys exactly.
  if (UserLogin.toLowerCase() !== ctx.userLogin.toLowerCase()) {
    return failure(401, 1003, aktionMessage(1003, { userLogin: UserLogin }));
  }
  if (ApiKey !== ctx.apiKey) return failure(401, 1004, aktionMessage(1004, { userLogin: UserLogin }));

  const { token, expiresAt } = ctx.tokens.issue(ctx.userLogin);
  return answer(200, {
    Result: result(0, SUCCESS_MESSAGE),
    Token: token,
    ExpireInSec: ctx.tokenTtlSeconds,
    ExpireDate: formatAktionDate(expiresAt),
  });
}

function create(ctx: AktionRouteContext, req: SimRequest, user: string): SimResponse {
  const body = readJsonBody(req);
  if (!body.ok) return body.response;
  const input = validateCreate(body.value);
  if (!input.ok) return validationFailed(input.errors, echoRequest(body.value));
  const record = { ...input.value, InternalNrLong: normaliseInternalNr(input.value.InternalNrLong) };

  const forced = forcedFailure(ctx, 'create', record.InternalNrLong, user, toWire(record));
  if (forced) return forced;
  if (!ctx.store.create(record)) {
    return failure(403, 3, aktionMessage(3), null, { Request: toWire(record) });
  }
  return answer(200, { Result: result(0, SUCCESS_MESSAGE), Request: toWire(ctx.store.get(record.InternalNrLong)!) });
}

function update(ctx: AktionRouteContext, req: SimRequest, user: string): SimResponse {
  const body = readJsonBody(req);
  if (!body.ok) return body.response;
  const input = validateUpdate(body.value);
  const echo = echoRequest(body.value);
  if (!input.ok) return validationFailed(input.errors, echo);
  const nr = normaliseInternalNr(input.value.InternalNrLong);

  const forced = forcedFailure(ctx, 'update', nr, user, echo);
  if (forced) return forced;
  const outcome = ctx.store.update(nr, input.value.patch);
  switch (outcome.status) {
    case 'notFound':
      return failure(404, 1140, aktionMessage(1140, { internalNr: nr }), null, { Request: echo });
    case 'unchanged':
      // "Remains unchanged" is a success (Code 0) reported with 202 Accepted.
      return answer(202, {
        Result: result(0, UNCHANGED_MESSAGE.replace('{0}', nr)),
        Request: toWire(outcome.record),
      });
    case 'updated':
      return answer(200, { Result: result(0, SUCCESS_MESSAGE), Request: toWire(outcome.record) });
  }
}

function remove(ctx: AktionRouteContext, req: SimRequest, user: string): SimResponse {
  const body = readJsonBody(req);
  if (!body.ok) return body.response;
  const input = validateRemove(body.value);
  const echo = echoRequest(body.value, ['InternalNrLong']);
  if (!input.ok) return validationFailed(input.errors, echo);
  const nr = normaliseInternalNr(input.value.InternalNrLong);

  const forced = forcedFailure(ctx, 'remove', nr, user, echo);
  if (forced) return forced;
  if (!ctx.store.remove(nr)) {
    return failure(404, 1140, aktionMessage(1140, { internalNr: nr }), null, { Request: echo });
  }
  return answer(200, { Result: result(0, SUCCESS_MESSAGE), Request: { InternalNrLong: nr } });
}

function get(ctx: AktionRouteContext, req: SimRequest, user: string): SimResponse {
  const nr = internalNrFromQuery(req);
  if (!nr.ok) return nr.response;
  const forced = forcedFailure(ctx, 'get', nr.value, user);
  if (forced) return forced;
  const record = ctx.store.get(nr.value);
  if (!record) return failure(404, 1140, aktionMessage(1140, { internalNr: nr.value }));
  return answer(200, { Result: result(0, SUCCESS_MESSAGE), Identifier: toWire(record) });
}

function getAll(ctx: AktionRouteContext, req: SimRequest): SimResponse {
  const paging = validatePaging(queryParam(req, 'PageNumber'), queryParam(req, 'PageSize'));
  if (!paging.ok) return validationFailed(paging.errors);
  const all = ctx.store.list();
  const { pageNumber, pageSize = DEFAULT_PAGE_SIZE } = paging.value;
  // Without PageNumber every record comes back (PageSize alone is ignored).
  const page = pageNumber === undefined ? all : all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return answer(200, {
    Result: result(0, SUCCESS_MESSAGE),
    Identifiers: page.map(toWire),
    TotalCount: all.length,
  });
}

function getAccessPrivileges(ctx: AktionRouteContext, req: SimRequest, user: string): SimResponse {
  const nr = internalNrFromQuery(req);
  if (!nr.ok) return nr.response;
  const forced = forcedFailure(ctx, 'getAccessPrivileges', nr.value, user);
  if (forced) return forced;
  if (!ctx.store.has(nr.value)) return failure(404, 1140, aktionMessage(1140, { internalNr: nr.value }));
  return answer(200, {
    Result: result(0, SUCCESS_MESSAGE),
    InternalNrLong: nr.value,
    AccessPrivileges: accessPrivilegesFor(nr.value),
  });
}

// ---------------------------------------------------------------- plumbing

/** Checks `?Token=` and runs `handler` with the login the token belongs to. */
function authorised(ctx: AktionRouteContext, req: SimRequest, handler: (userLogin: string) => SimResponse): SimResponse {
  // A missing or malformed token is simply one the server never issued: 1000, like an unknown one.
  const token = queryParam(req, 'Token') ?? '';
  const check = ctx.tokens.check(token);
  // The vendor puts the token itself into the message; we keep that (the gateway must redact it in logs).
  if (check.status === 'notFound') return failure(401, 1000, aktionMessage(1000, { token }));
  if (check.status === 'expired') return failure(401, 1001, aktionMessage(1001, { token }));
  return handler(check.userLogin);
}

/** The forced error for this call (the options hook first, then the reserved table), as an answer. */
function forcedFailure(
  ctx: AktionRouteContext,
  op: AktionOperation,
  nr: string,
  userLogin: string,
  request?: unknown,
): SimResponse | undefined {
  const forced: ForcedError | undefined = ctx.forceError()?.(op, nr) ?? reservedError(op, nr);
  if (!forced) return undefined;
  const message = forced.message ?? aktionMessage(forced.code, { internalNr: nr, userLogin, clientIp: '127.0.0.1' });
  return failure(forced.status, forced.code, message, null, request === undefined ? {} : { Request: request });
}

function internalNrFromQuery(req: SimRequest): { ok: true; value: string } | { ok: false; response: SimResponse } {
  const raw = queryParam(req, 'InternalNrLong');
  const errors = internalNrErrors(raw);
  if (errors.length > 0) return { ok: false, response: validationFailed(errors) };
  return { ok: true, value: normaliseInternalNr(raw!) };
}

/** Query parameters bind case-insensitively in ASP.NET; an empty value counts as absent. */
function queryParam(req: SimRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of req.query) if (key.toLowerCase() === lower && value !== '') return value;
  return undefined;
}

/**
 * JSON only (see the header comment). A request without Content-Type and
 * without a body is let through: it binds to nothing and fails validation
 * (1002), which is what the vendor answers for a missing parameter.
 */
function checkMediaType(req: SimRequest): SimResponse | undefined {
  const header = req.headers['content-type'];
  if (header === undefined) return req.rawBody.trim() === '' ? undefined : unsupportedMediaType();
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type === 'text/json' ? undefined : unsupportedMediaType();
}

function readJsonBody(req: SimRequest): { ok: true; value: unknown } | { ok: false; response: SimResponse } {
  const media = checkMediaType(req);
  if (media) return { ok: false, response: media };
  const body = readJson(req);
  return body.ok ? body : { ok: false, response: validationFailed(body.errors) };
}

function readJson(req: SimRequest): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (req.rawBody.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(req.rawBody) as unknown };
  } catch (error) {
    return { ok: false, errors: [`The request body is not valid JSON: ${(error as Error).message}`] };
  }
}

function unsupportedMediaType(): SimResponse {
  return failure(415, UNSUPPORTED_MEDIA_TYPE_CODE, UNSUPPORTED_MEDIA_TYPE_MESSAGE);
}

function validationFailed(errors: string[], request?: unknown): SimResponse {
  return failure(400, 1002, aktionMessage(1002), errors, request === undefined ? {} : { Request: request });
}

function result(code: number, message: string, modelStateErr: string[] | null = null) {
  return { Message: message, Code: code, ModelStateErr: modelStateErr };
}

function failure(
  status: number,
  code: number,
  message: string,
  modelStateErr: string[] | null = null,
  extra: Record<string, unknown> = {},
): SimResponse {
  return answer(status, { Result: result(code, message, modelStateErr), ...extra });
}

/** Serialises like Json.NET: Result first, dates as `"\/Date(ms)\/"`. */
function answer(status: number, payload: Record<string, unknown>): SimResponse {
  return {
    status,
    rawBody: escapeMsDates(JSON.stringify(payload)),
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  };
}
