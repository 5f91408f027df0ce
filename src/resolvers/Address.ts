import type { AddressResolvers } from '../generated/graphql';

export const Address: AddressResolvers = {
  personId: (address) => address.person ?? null,
  person: (address, _args, { cardexchange }) => (address.person ? cardexchange.person.load(address.person) : null),
};
