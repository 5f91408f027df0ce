/**
 * Resolver factories for CardExchange mutations. Each runs the same steps:
 *   1. check the input against its field table (no vendor call when anything is wrong);
 *   2. send the write once (never retried: see writer.ts);
 *   3. turn the vendor's answer into the payload: the object, or userErrors pointing at input fields;
 *   4. refresh the request's loaders, so the payload's selection set and later fields see the change.
 */
import type { GatewayContext } from '../../context';
import { refreshAfterDelete, refreshAfterSave } from '../../vendors/cardexchange/loaderRefresh';
import { CX_RESOURCE_NOUNS, type CxResource } from '../../vendors/cardexchange/resources';
import { CardExchangeWriter, type CxWriteAnswer } from '../../vendors/cardexchange/writer';
import { isGuid } from '../../validation/guid';
import { failedPayload, userError, type UserErrorValue } from '../userErrors';
import { checkInput } from './checkInput';
import { quote } from './fieldValues';
import type { InputSpec, WriteMode } from './inputSpec';
import { userErrorsFromProblem } from './vendorFieldErrors';

export type Payload<F extends string, T> = { [K in F]: T | null } & { userErrors: UserErrorValue[] };

type MutationResolver<F extends string, T> = (
  root: unknown,
  args: { input: object },
  context: GatewayContext,
) => Promise<Payload<F, T>>;

export interface SaveDefinition<F extends string> {
  resource: CxResource;
  spec: InputSpec;
  /** The payload field that carries the written object, e.g. `person`. */
  objectField: F;
  /** How `null` in the input is read; updates default to "clear", creates to "not given". */
  mode?: WriteMode;
}

export interface DeleteDefinition<F extends string> {
  resource: CxResource;
  /** The payload field that carries the deleted id, e.g. `deletedPersonId`. */
  idField: F;
}

export function createResolver<T extends { id: string }, F extends string>(definition: SaveDefinition<F>): MutationResolver<F, T> {
  return async (_root, { input }, context) => {
    const fields = input as Record<string, unknown>;
    const checked = checkInput(fields, definition.spec, definition.mode ?? 'create');
    if (checked.errors.length > 0) return failedPayload(definition.objectField, checked.errors);
    const answer = await writer(context).create<T>(definition.resource, checked.body);
    return settleSave(context, definition, answer);
  };
}

export function updateResolver<T extends { id: string }, F extends string>(definition: SaveDefinition<F>): MutationResolver<F, T> {
  return async (_root, { input }, context) => {
    const fields = input as Record<string, unknown>;
    const checked = checkInput(fields, definition.spec, definition.mode ?? 'update');
    const idProblem = checkId(fields.id);
    const errors = idProblem ? [idProblem, ...checked.errors] : checked.errors;
    if (errors.length > 0) return failedPayload(definition.objectField, errors);
    const answer = await writer(context).update<T>(definition.resource, String(fields.id), checked.body);
    return settleSave(context, definition, answer);
  };
}

export function deleteResolver<F extends string>(definition: DeleteDefinition<F>): MutationResolver<F, string> {
  return async (_root, { input }, context) => {
    const id = (input as { id?: unknown }).id;
    const idProblem = checkId(id);
    if (idProblem) return failedPayload(definition.idField, [idProblem]);
    const answer = await writer(context).remove(definition.resource, String(id));
    if (answer.kind === 'deleted') {
      context.logger.info({ vendor: 'cardexchange', resource: definition.resource, id, change: 'deleted' }, 'vendor write');
      refreshAfterDelete(context.cardexchange, definition.resource, String(id));
      forgetCardsByChipSerial(context);
      return { [definition.idField]: String(id), userErrors: [] } as Payload<F, string>;
    }
    return failedPayload(definition.idField, answerErrors(answer, definition.resource, { fields: [] }));
  };
}

function settleSave<T extends { id: string }, F extends string>(
  context: GatewayContext,
  definition: SaveDefinition<F>,
  answer: CxWriteAnswer<T>,
): Payload<F, T> {
  if (answer.kind === 'saved') {
    context.logger.info({ vendor: 'cardexchange', resource: definition.resource, id: answer.object.id, change: 'saved' }, 'vendor write');
    refreshAfterSave(context.cardexchange, definition.resource, answer.object);
    forgetCardsByChipSerial(context);
    return { [definition.objectField]: answer.object, userErrors: [] } as Payload<F, T>;
  }
  return failedPayload(definition.objectField, answerErrors(answer, definition.resource, definition.spec));
}

function answerErrors(answer: CxWriteAnswer<unknown>, resource: CxResource, spec: InputSpec): UserErrorValue[] {
  switch (answer.kind) {
    case 'notFound':
      return [userError(['input', 'id'], 'NOT_FOUND', `No ${CX_RESOURCE_NOUNS[resource]} with this id exists in CardExchange.`)];
    case 'refused':
      if (answer.status === 409) {
        const message = answer.problem.detail ?? answer.problem.title ?? 'CardExchange refused the change because of the current state.';
        return [userError(null, 'CONFLICT', message)];
      }
      return userErrorsFromProblem(answer.problem, spec);
    case 'saved':
    case 'deleted':
      throw new Error(`A successful CardExchange write (${answer.kind}) has no user errors`);
  }
}

function checkId(id: unknown): UserErrorValue | undefined {
  if (typeof id === 'string' && isGuid(id)) return undefined;
  return userError(['input', 'id'], 'INVALID_FORMAT', `id must be a GUID such as 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b, got ${quote(id)}.`);
}

/** `Identifier.card` finds cards by chip serial number; a write may change the card it would find. */
function forgetCardsByChipSerial(context: GatewayContext): void {
  context.cardByChipSerial.clearAll();
}

function writer(context: GatewayContext): CardExchangeWriter {
  return new CardExchangeWriter(context.clients.cardexchange);
}
