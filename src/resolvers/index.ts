/** All resolvers, one module per GraphQL type, merged for makeExecutableSchema. */
import type { Resolvers } from '../generated/graphql';
import { Address } from './Address';
import { AnonymousSet } from './AnonymousSet';
import { Card } from './Card';
import { Cardholder } from './Cardholder';
import { cardexchangeEnumResolvers } from './cardexchangeEnums';
import { aktionEnumResolvers } from './aktionEnums';
import { Identifier } from './Identifier';
import { IdentifierConnection } from './IdentifierConnection';
import { CatalogEntry } from './CatalogEntry';
import { connectionTypeResolvers } from './connections';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { Production } from './Production';
import { Query } from './Query';
import { scalarResolvers } from './scalars';
import { AddUserCardPayload } from './AddUserCardPayload';
import { CardReadRequest } from './CardReadRequest';
import { RemoveUserCardPayload } from './RemoveUserCardPayload';
import { Subscription } from './Subscription';
import { UserCardConnection } from './UserCardConnection';

// Scalars are plain configs (not GraphQLScalarType) so the SDL keeps their descriptions; codegen's
// Resolvers type expects GraphQLScalarType, so they are merged outside the type check.
const typeResolvers = {
  ...cardexchangeEnumResolvers,
  ...aktionEnumResolvers,
  ...connectionTypeResolvers,
  Query,
  Mutation,
  Person,
  Address,
  Cardholder,
  Card,
  Production,
  AnonymousSet,
  CatalogEntry,
  Identifier,
  IdentifierConnection,
  Subscription,
  CardReadRequest,
  UserCardConnection,
  AddUserCardPayload,
  RemoveUserCardPayload,
} satisfies Resolvers;

export const resolvers = { ...scalarResolvers, ...typeResolvers };
