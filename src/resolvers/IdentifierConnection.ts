import { connectionResolvers } from './connection';

/** Identifiers page like every other list: the offset-slice resolvers (see connection.ts). */
export const IdentifierConnection = connectionResolvers;
