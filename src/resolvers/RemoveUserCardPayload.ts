import type { RemoveUserCardPayloadResolvers } from '../generated/graphql';
import { findUserCard } from '../vendors/blusky/mapping';

/** `userCard` is read back from BluSKY only when asked for (BluSKY's answer is just a result code). */
export const RemoveUserCardPayload: RemoveUserCardPayloadResolvers = {
  userCard: async (outcome, _args, { blusky }) => {
    if (!outcome.removed) return null;
    const cards = await blusky.userCards.load(outcome.removed.userId);
    return cards ? findUserCard(cards, outcome.removed, true) : null;
  },
};
