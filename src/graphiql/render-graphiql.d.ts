/**
 * Types for the `graphiql` subpath of @graphql-yoga/render-graphiql.
 *
 * The package ships `typings/graphiql.d.ts`, but only reachable through its `exports`
 * map, which our `moduleResolution: "node"` does not read; Node's `require` does, so at
 * run time this resolves to `cjs/graphiql.js`. We use this subpath rather than the
 * package's `renderGraphiQL()` so we own the HTML template (escaping, favicon, a guard
 * for the script tokenizer) and never touch the package's type import of graphql-yoga.
 * The shape is checked at start-up by `loadGraphiqlPage` as well.
 */
declare module '@graphql-yoga/render-graphiql/graphiql' {
  /** UMD bundle of GraphiQL 5 + React + Monaco; defines `window.YogaGraphiQL.renderYogaGraphiQL`. */
  export const js: string;
  /** GraphiQL + Monaco CSS; fonts and images are `data:` URLs. */
  export const css: string;
  /** Yoga's favicon as a `data:` URL (unused: ~150 KB of Yoga branding). */
  export const favicon: string;
  /** Source of Monaco's generic editor worker. */
  export const editorWorkerService: string;
  /** Source of Monaco's JSON worker (variables/headers editors). */
  export const jsonWorker: string;
  /** Source of monaco-graphql's worker (validation, completion, hover, formatting). */
  export const graphqlWorker: string;
}
