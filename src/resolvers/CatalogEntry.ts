import type { CatalogEntryResolvers } from '../generated/graphql';

export const CatalogEntry: CatalogEntryResolvers = {
  // CardExchange does not document these objects: an entry without an id is shown with an empty one
  // rather than failing its parent.
  id: (entry) => (entry.id === undefined ? '' : String(entry.id)),
  name: (entry) => (typeof entry.name === 'string' ? entry.name : null),
  details: (entry) => entry,
};
