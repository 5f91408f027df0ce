import type { CardResolvers } from '../generated/graphql';

export const Card: CardResolvers = {
  cardholderId: (card) => card.cardholder ?? null,
  cardholder: (card, _args, { cardexchange }) => (card.cardholder ? cardexchange.cardholder.load(card.cardholder) : null),
  chipSerialNumber: (card) => card.chipserialNumber ?? null,
};
