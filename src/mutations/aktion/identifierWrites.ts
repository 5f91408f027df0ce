/**
 * The identifier mutations: check the input (no vendor call when it is invalid), send the write
 * once, turn Aktion's answer into a payload, and keep the request's identifier loader in step.
 */
import type { CreateIdentifierInput, RemoveIdentifierInput, UpdateIdentifierInput } from '../../generated/graphql';
import { failedPayload, type UserErrorValue } from '../userErrors';
import type { AktionLoaders } from '../../vendors/aktion/loaders';
import type { AktionIdentifier } from '../../vendors/aktion/types';
import { writeOutcome } from '../../vendors/aktion/writeOutcome';
import { checkCreateIdentifierInput, checkRemoveIdentifierInput, checkUpdateIdentifierInput } from './identifierInputs';

export interface IdentifierPayloadValue {
  identifier: AktionIdentifier | null;
  userErrors: UserErrorValue[];
}

export interface UpdateIdentifierPayloadValue extends IdentifierPayloadValue {
  unchanged: boolean | null;
}

export interface RemoveIdentifierPayloadValue {
  removedInternalNumber: string | null;
  /** Read before the removal, only when the client selected it (see removeIdentifier). */
  identifier: AktionIdentifier | null;
  userErrors: UserErrorValue[];
}

export async function createIdentifier(aktion: AktionLoaders, input: CreateIdentifierInput): Promise<IdentifierPayloadValue> {
  const checked = checkCreateIdentifierInput(input);
  if (!checked.ok) return failedPayload('identifier', checked.errors);
  const outcome = writeOutcome('create', await aktion.client.write('create', checked.body));
  if (!outcome.ok) return failedPayload('identifier', outcome.userErrors);
  return { identifier: await settle(aktion, checked.body.InternalNrLong, outcome.identifier), userErrors: [] };
}

export async function updateIdentifier(aktion: AktionLoaders, input: UpdateIdentifierInput): Promise<UpdateIdentifierPayloadValue> {
  const checked = checkUpdateIdentifierInput(input);
  if (!checked.ok) return { ...failedPayload('identifier', checked.errors), unchanged: null };
  const outcome = writeOutcome('update', await aktion.client.write('update', checked.body));
  if (!outcome.ok) return { ...failedPayload('identifier', outcome.userErrors), unchanged: null };
  const identifier = await settle(aktion, checked.body.InternalNrLong, outcome.identifier);
  return { identifier, unchanged: outcome.unchanged, userErrors: [] };
}

/**
 * Removes an identifier. With `readFirst` (the client selected the payload's `identifier`), the
 * identifier is read before the removal, because afterwards it is gone and Aktion's answer only
 * echoes the number. A failed read does not stop the removal: the field is then null.
 */
export async function removeIdentifier(aktion: AktionLoaders, input: RemoveIdentifierInput, readFirst = false): Promise<RemoveIdentifierPayloadValue> {
  const checked = checkRemoveIdentifierInput(input);
  if (!checked.ok) return { ...failedPayload('removedInternalNumber', checked.errors), identifier: null };
  const before = readFirst ? await aktion.identifier.load(checked.body.InternalNrLong).catch(() => null) : null;
  const outcome = writeOutcome('remove', await aktion.client.write('remove', checked.body));
  if (!outcome.ok) return { ...failedPayload('removedInternalNumber', outcome.userErrors), identifier: null };
  aktion.forget(checked.body.InternalNrLong);
  return { removedInternalNumber: checked.body.InternalNrLong, identifier: before, userErrors: [] };
}

/**
 * The identifier after a successful write: Aktion's echo when it is complete (create/update
 * answer with the stored record), otherwise a fresh read (the 403 "remains unchanged" answer
 * echoes only what was sent).
 */
async function settle(aktion: AktionLoaders, internalNumber: string, echoed: AktionIdentifier | null): Promise<AktionIdentifier | null> {
  if (echoed) {
    aktion.prime(echoed);
    return echoed;
  }
  aktion.forget(internalNumber);
  // The write succeeded; a failing read afterwards must not make it look failed.
  return aktion.identifier.load(internalNumber).catch(() => null);
}
