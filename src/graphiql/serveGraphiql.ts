/**
 * Serves the precomputed GraphiQL page (graphiqlPage.ts) on a plain node:http response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphiqlAsset } from './graphiqlPage';
import { chooseEncoding, ifNoneMatchMatches, prefersHtml } from './negotiate';

/**
 * The page cannot have a versioned URL (it lives at the API's own URL), so browsers keep
 * it but revalidate on every load: an unchanged page costs one 304 with no body, and a
 * gateway upgrade shows up at once.
 */
const CACHE_CONTROL = 'no-cache';

/**
 * True when a request to the GraphQL endpoint is a browser asking for a page: GET or HEAD
 * with `Accept` preferring HTML over GraphQL responses. A `?query=` parameter does not
 * change that: GraphiQL opens with it in the editor, so such links are shareable.
 */
export function wantsGraphiql(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && prefersHtml(req.headers.accept);
}

/**
 * Writes the page: 304 when `If-None-Match` matches, else 200 with the smallest encoding
 * the client accepts (br, gzip, or identity). HEAD gets the headers only.
 */
export function serveGraphiql(req: IncomingMessage, res: ServerResponse, asset: GraphiqlAsset): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': '0' });
    res.end();
    return;
  }
  const headers: Record<string, string> = {
    ETag: asset.etag,
    'Cache-Control': CACHE_CONTROL,
    // The same URL answers GraphQL clients with JSON, and the body depends on the encoding.
    Vary: 'Accept, Accept-Encoding',
    'Content-Security-Policy': asset.csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (ifNoneMatchMatches(req.headers['if-none-match'], asset.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = chooseEncoding(req.headers['accept-encoding'], asset.brotli ? ['br', 'gzip'] : ['gzip']);
  const body = encoding === 'br' && asset.brotli ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.body;
  headers['Content-Type'] = asset.contentType;
  headers['Content-Length'] = String(body.length);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
