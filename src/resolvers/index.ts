/** All resolvers, one module per GraphQL type, merged for makeExecutableSchema. */
import type { Resolvers } from '../generated/graphql';
import { Address } from './Address';
import { AnonymousSet } from './AnonymousSet';
import { Card } from './Card';
import { Cardholder } from './Cardholder';
import { cardexchangeEnumResolvers } from './cardexchangeEnums';
import { CatalogEntry } from './CatalogEntry';
import { connectionTypeResolvers } from './connections';
import { Person } from './Person';
import { Production } from './Production';
import { Query } from './Query';
import { scalarResolvers } from './scalars';

// Scalars are plain configs (not GraphQLScalarType) so the SDL keeps their descriptions; codegen's
// Resolvers type expects GraphQLScalarType, so they are merged outside the type check.
const typeResolvers = {
  ...cardexchangeEnumResolvers,
  ...connectionTypeResolvers,
  Query,
  Person,
  Address,
  Cardholder,
  Card,
  Production,
  AnonymousSet,
  CatalogEntry,
} satisfies Resolvers;

export const resolvers = { ...scalarResolvers, ...typeResolvers };
