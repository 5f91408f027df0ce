/**
 * Query limits (graphql-armor) so that one request cannot make the gateway or the vendors do
 * unbounded work. Defaults suit this schema: the deepest useful query
 * (persons → cardholders → cards → identifier → card → cardholder → person) is 8 levels, and
 * GraphiQL's introspection query is exempt from depth and cost. Field suggestions ("did you mean")
 * are hidden whenever introspection is off, as they would leak the schema.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { SecuritySettings } from '../config';

export function queryLimits(settings: Pick<SecuritySettings, 'limits' | 'introspection'>) {
  const { limits } = settings;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Token counting is done by graphql-js's own parser (Apollo's parseOptions, see server.ts): there a
    // violation is a 400 parse error, while armor's Apollo hook makes it a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: !settings.introspection },
  }).protect();
}
