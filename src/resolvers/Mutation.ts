/** The Mutation root: each domain's mutations live in their own module under mutations/. */
import type { MutationResolvers } from '../generated/graphql';
import { cardexchangeMutations } from './mutations/cardexchangeMutations';
import { identifierMutations } from './mutations/identifierMutations';
import { cardReadMutations } from './mutations/cardReadMutations';
import { userCardMutations } from './mutations/userCardMutations';

export const Mutation: MutationResolvers = {
  ...cardexchangeMutations,
  ...identifierMutations,
  ...cardReadMutations,
  ...userCardMutations,
};
