/** The Aktion identifier mutations (the work is in src/mutations/aktion/identifierWrites.ts). */
import type { MutationResolvers } from '../../generated/graphql';
import { createIdentifier, removeIdentifier, updateIdentifier } from '../../mutations/aktion/identifierWrites';
import { selectsField } from '../selection/selectsField';

export const identifierMutations: Pick<MutationResolvers, 'createIdentifier' | 'updateIdentifier' | 'removeIdentifier'> = {
  createIdentifier: (_root, { input }, { aktion }) => createIdentifier(aktion, input),
  updateIdentifier: (_root, { input }, { aktion }) => updateIdentifier(aktion, input),
  removeIdentifier: (_root, { input }, { aktion }, info) => removeIdentifier(aktion, input, selectsField(info, 'identifier')),
};
