import type { CardResolvers } from '../generated/graphql';
import { cardIdentifier } from './cardIdentifier';

export const Card: CardResolvers = {
  cardholderId: (card) => card.cardholder ?? null,
  cardholder: (card, _args, { cardexchange }) => (card.cardholder ? cardexchange.cardholder.load(card.cardholder) : null),
  chipSerialNumber: (card) => card.chipserialNumber ?? null,
  identifier: (card, _args, context) => cardIdentifier(card, context),
};
