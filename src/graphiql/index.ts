/**
 * GraphiQL IDE served from our own dependencies (no CDN): build the page once at start-up
 * with `loadGraphiqlPage`, then for requests to the GraphQL endpoint where
 * `wantsGraphiql(req)` is true, answer with `serveGraphiql(req, res, asset)`.
 */
export { DEFAULT_QUERY, loadGraphiqlPage, renderGraphiqlHtml } from './graphiqlPage';
export type { GraphiqlAsset, GraphiqlPageOptions } from './graphiqlPage';
export { serveGraphiql, wantsGraphiql } from './serveGraphiql';
export { chooseEncoding, prefersHtml } from './negotiate';
