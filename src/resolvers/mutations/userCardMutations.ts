/**
 * The BluSKY user-card mutations (the work is in src/mutations/blusky/userCardWrites.ts). After a
 * write the user's cached cards are forgotten, so the payload's `userCard` reads them afresh.
 */
import type { MutationResolvers } from '../../generated/graphql';
import { addUserCard, removeUserCard } from '../../mutations/blusky/userCardWrites';

export const userCardMutations: Pick<MutationResolvers, 'addUserCard' | 'removeUserCard'> = {
  addUserCard: async (_root, { input }, { clients, blusky }) => {
    const outcome = await addUserCard(clients.blusky, input);
    if (outcome.added) blusky.forget(outcome.added.userId);
    return outcome;
  },
  removeUserCard: async (_root, { input }, { clients, blusky }) => {
    const outcome = await removeUserCard(clients.blusky, input);
    if (outcome.removed) blusky.forget(outcome.removed.userId);
    return outcome;
  },
};
