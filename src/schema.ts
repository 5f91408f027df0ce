/**
 * SDL from schema/*.graphql + resolvers → the executable schema, built once at start-up.
 * `requireResolversToMatchSchema: 'error'` makes a resolver for a field that does not exist (a
 * typo, a removed field) stop start-up instead of being silently ignored.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers';

/** The project's schema/ folder, found from here whether we run from src/ (tsx, jest) or dist/. */
export const SCHEMA_DIR = findSchemaDir(__dirname);

function findSchemaDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schema'))) return join(dir, 'schema');
    if (dirname(dir) === dir) throw new Error(`No schema/ folder found above ${start}`);
  }
}

export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
