import type { AddUserCardPayloadResolvers } from '../generated/graphql';
import { findUserCard } from '../vendors/blusky/mapping';

/** `userCard` is read back from BluSKY only when asked for (BluSKY's answer carries just the id). */
export const AddUserCardPayload: AddUserCardPayloadResolvers = {
  userCard: async (outcome, _args, { blusky }) => {
    if (!outcome.added) return null;
    const cards = await blusky.userCards.load(outcome.added.userId);
    return cards ? findUserCard(cards, outcome.added, false) : null;
  },
};
