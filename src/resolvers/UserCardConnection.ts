import { connectionResolvers } from './connection';

/** A user's cards page like every other list: the offset-slice resolvers (see connection.ts). */
export const UserCardConnection = connectionResolvers;
