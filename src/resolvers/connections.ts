/** Every connection type shares the offset-slice resolvers. */
import { connectionResolvers } from './connection';

export const connectionTypeResolvers = {
  PersonConnection: connectionResolvers,
  AddressConnection: connectionResolvers,
  CardholderConnection: connectionResolvers,
  CardConnection: connectionResolvers,
  ProductionConnection: connectionResolvers,
  AnonymousSetConnection: connectionResolvers,
};
