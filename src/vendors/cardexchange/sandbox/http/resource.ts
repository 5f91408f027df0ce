/**
 * Registers one REST resource on the harness: collection (`GET` list, `POST` create) and item
 * (`GET` retrieve, `POST` update, `DELETE` delete) routes. Every request is authenticated first;
 * methods a resource does not support answer 405 problem details with an `Allow` header, as a
 * real REST API would (the harness's own 405 is not in problem-details form).
 */
import type { SimHandler, SimRequest, SimResponse, SimulatorServer } from '../../../../sandbox/simulatorServer';
import { problem, ProblemError } from './problem';

type Handler = (request: SimRequest) => SimResponse;

export interface ResourceHandlers {
  list: Handler;
  retrieve: Handler;
  create?: Handler;
  update?: Handler;
  remove?: Handler;
  /** Why create / delete are refused, for the 405 detail (the document's own wording). */
  refused?: { create?: string; remove?: string };
}

export type Guard = (request: SimRequest) => SimResponse | undefined;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function registerResource(server: SimulatorServer, guard: Guard, path: string, handlers: ResourceHandlers): void {
  const collection: Partial<Record<string, Handler>> = { GET: handlers.list, POST: handlers.create };
  const item: Partial<Record<string, Handler>> = {
    GET: handlers.retrieve,
    POST: handlers.update,
    DELETE: handlers.remove,
  };
  const refusals: Partial<Record<string, string>> = {};
  if (handlers.refused?.create) refusals['POST collection'] = handlers.refused.create;
  if (handlers.refused?.remove) refusals['DELETE item'] = handlers.refused.remove;

  for (const [routePath, table, kind] of [
    [path, collection, 'collection'],
    [`${path}/:id`, item, 'item'],
  ] as const) {
    const allow = METHODS.filter((method) => table[method]).join(', ');
    for (const method of METHODS) {
      const handler = table[method];
      const refusal = refusals[`${method} ${kind}`] ?? `Method ${method} is not allowed on this resource.`;
      server.route(method, routePath, guarded(guard, handler ?? (() => notAllowed(refusal, allow))));
    }
  }
}

function notAllowed(detail: string, allow: string): SimResponse {
  return problem(405, detail, { headers: { Allow: allow } });
}

function guarded(guard: Guard, handler: Handler): SimHandler {
  return (request) => {
    const denied = guard(request);
    if (denied) return denied;
    // Ids are GUIDs, which compare case-insensitively; the store keeps them lower-case.
    if (request.params.id) request.params.id = request.params.id.toLowerCase();
    try {
      return handler(request);
    } catch (error) {
      if (error instanceof ProblemError) return error.response;
      throw error;
    }
  };
}

/** 201 Created with the new object and its URL. */
export function created(collectionPath: string, id: string, body: unknown): SimResponse {
  return { status: 201, body, headers: { Location: `${collectionPath.replace(/\/$/, '')}/${id}` } };
}
