import type { ProductionResolvers } from '../generated/graphql';

export const Production: ProductionResolvers = {
  personId: (production) => production.person ?? null,
  person: (production, _args, { cardexchange }) => (production.person ? cardexchange.person.load(production.person) : null),
  cardholderId: (production) => production.cardholder ?? null,
  cardholder: (production, _args, { cardexchange }) =>
    production.cardholder ? cardexchange.cardholder.load(production.cardholder) : null,
  cardId: (production) => production.card ?? null,
  card: (production, _args, { cardexchange }) => (production.card ? cardexchange.card.load(production.card) : null),
  chipSerialNumber: (production) => production.chipserialNumber ?? null,
};
