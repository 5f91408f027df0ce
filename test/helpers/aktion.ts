/**
 * Shared pieces of the Aktion identifier tests: the mutation documents, and short ways to ask
 * what the Aktion simulator received.
 */
import type { SimRequest } from '../../src/sandbox/simulatorServer';
import type { TestGateway } from './testGateway';

export const IDENTIFIER_FIELDS = 'internalNumber registrationNumber technology type status locked secure validFrom validTo';
export const USER_ERRORS = 'userErrors { message field code }';

export const CREATE = `mutation($input: CreateIdentifierInput!) { createIdentifier(input: $input) { identifier { ${IDENTIFIER_FIELDS} } ${USER_ERRORS} } }`;
export const UPDATE = `mutation($input: UpdateIdentifierInput!) { updateIdentifier(input: $input) { identifier { ${IDENTIFIER_FIELDS} } unchanged ${USER_ERRORS} } }`;
export const REMOVE = `mutation($input: RemoveIdentifierInput!) { removeIdentifier(input: $input) { removedInternalNumber ${USER_ERRORS} } }`;

export type WriteName = 'createIdentifier' | 'updateIdentifier' | 'removeIdentifier';
export const DOCUMENT: Record<WriteName, string> = { createIdentifier: CREATE, updateIdentifier: UPDATE, removeIdentifier: REMOVE };

/** Runs one identifier mutation and returns its payload and the response's top-level errors. */
export async function mutate(gw: TestGateway, name: WriteName, input: Record<string, unknown>) {
  const { body } = await gw.query(DOCUMENT[name], { input });
  return { payload: body.data?.[name] ?? null, errors: body.errors, body };
}

/** Every request the Aktion simulator received since the last reset. */
export function aktionRequests(gw: TestGateway): SimRequest[] {
  return gw.sandbox.aktion.server.received();
}

/** `METHOD path` of every Aktion request, e.g. `POST /api/login`. */
export function aktionCalls(gw: TestGateway): string[] {
  return aktionRequests(gw).map((r) => `${r.method} ${r.path}`);
}

export function aktionLogins(gw: TestGateway): SimRequest[] {
  return gw.sandbox.aktion.server.received(/^POST \/api\/login$/);
}

/** Every token the gateway sent to Aktion (as `?Token=`). */
export function tokensSent(gw: TestGateway): string[] {
  return [...new Set(aktionRequests(gw).map((r) => r.query.get('Token')).filter((t): t is string => !!t))];
}

/** A minimal valid create input. */
export function newIdentifierInput(internalNumber: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { internalNumber, registrationNumber: `REG-${internalNumber}`, technology: 'MIFARE', type: 'CARD', ...overrides };
}
