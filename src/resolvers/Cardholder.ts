import type { CardholderResolvers } from '../generated/graphql';

export const Cardholder: CardholderResolvers = {
  personId: (cardholder) => cardholder.person ?? null,
  person: (cardholder, _args, { cardexchange }) =>
    cardholder.person ? cardexchange.person.load(cardholder.person) : null,
  cards: (cardholder) => cardholder.cards ?? [],
};
