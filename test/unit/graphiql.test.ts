import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  chooseEncoding,
  loadGraphiqlPage,
  prefersHtml,
  renderGraphiqlHtml,
  serveGraphiql,
  wantsGraphiql,
  type GraphiqlAsset,
} from '../../src/graphiql';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** As sent on the wire: not decompressed. */
  body: Buffer;
}

function fetchRaw(port: number, method: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GraphiQL page over HTTP', () => {
  let asset: GraphiqlAsset;
  let server: Server;
  let port: number;
  const get = (headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> =>
    fetchRaw(port, method, { Accept: BROWSER_ACCEPT, ...headers });

  beforeAll(async () => {
    asset = loadGraphiqlPage({ endpoint: '/graphql' });
    // The same routing the gateway does: the page for browsers, anything else elsewhere.
    server = createServer((req, res) => {
      if (wantsGraphiql(req) || req.method === 'POST') return serveGraphiql(req, res, asset);
      res.writeHead(406).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('builds the page once per options', () => {
    expect(loadGraphiqlPage({ endpoint: '/graphql' })).toBe(asset);
  });

  it('serves the page as HTML, uncompressed when no encoding is accepted', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(asset.body)).toBe(true);
    expect(res.headers['content-length']).toBe(String(asset.body.length));
    expect(res.headers.etag).toBe(asset.etag);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toBe('Accept, Accept-Encoding');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.body.toString('utf8')).toMatch(/^<!doctype html>/);
  });

  it('serves the precomputed gzip when only gzip is accepted', async () => {
    const res = await get({ 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.body.length).toBeLessThan(asset.body.length / 3);
    expect(gunzipSync(res.body).equals(asset.body)).toBe(true);
  });

  it('prefers brotli when the browser accepts it', async () => {
    const res = await get({ 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).equals(asset.body)).toBe(true);
  });

  it('answers 304 with no body when If-None-Match has our ETag', async () => {
    for (const ifNoneMatch of [asset.etag, `"other", ${asset.etag}`, asset.etag.replace(/^W\//, ''), '*']) {
      const res = await get({ 'Accept-Encoding': 'gzip, br', 'If-None-Match': ifNoneMatch });
      expect(res.status).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBe(asset.etag);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await get({ 'If-None-Match': 'W/"stale"' })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get({ 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(asset.gzip.length));
    expect(res.body.length).toBe(0);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetchRaw(port, 'POST', { Accept: BROWSER_ACCEPT });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('content negotiation', () => {
  it('chooses an encoding by q-value, server preference on ties', () => {
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('x-gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('*;q=0, identity', ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('deflate', ['br', 'gzip'])).toBe('identity');
  });

  it('tells a browser navigation from a GraphQL client', () => {
    expect(prefersHtml(BROWSER_ACCEPT)).toBe(true);
    expect(prefersHtml('text/html')).toBe(true);
    expect(prefersHtml(undefined)).toBe(false);
    expect(prefersHtml('*/*')).toBe(false); // curl: the API, not the page
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml('application/graphql-response+json, application/json;q=0.9')).toBe(false);
    expect(prefersHtml('text/html;q=0.5, application/json')).toBe(false);
    expect(prefersHtml('text/*, application/json;q=0.5')).toBe(true);
  });
});

/**
 * Static proof that the page loads nothing from another origin.
 *
 * A browser fetches a resource only from markup attributes (src, href, srcset, ...), from
 * CSS (url(), @import, image-set()) and from scripts at run time. The inlined bundle's
 * JavaScript mentions plenty of URLs in strings and comments (docs links, XML namespaces,
 * JSON-schema ids) that it never fetches, so a plain "no http" substring test would be
 * both wrong and useless. Instead the HTML is split the way the HTML tokenizer does:
 * the contents of <script> and <style> are raw text (not markup), everything else is
 * markup whose tags and attributes are parsed. Then:
 *   - every resource-loading attribute must be data:, blob: or a same-origin relative URL;
 *   - no frame/object/embed/base/meta-refresh at all, and every <script> is inline;
 *   - every url()/@import/image-set() target in <style> and style="" must be data: or relative.
 * What scripts do at run time is checked by scripts/check-graphiql-offline.ts in Chromium,
 * and the page's CSP (`default-src 'none'`, tested above) makes the browser refuse any
 * other origin regardless.
 */
describe('GraphiQL page loads no external resource', () => {
  const RAW_TEXT = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
  const TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const RESOURCE_ATTRIBUTES = new Set([
    'src', 'href', 'srcset', 'imagesrcset', 'poster', 'data', 'action', 'formaction', 'background',
    'manifest', 'codebase', 'archive', 'xlink:href', 'ping', 'longdesc', 'lowsrc', 'dynsrc',
  ]);
  const FORBIDDEN_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);

  /** data:, blob:, or a relative URL on this origin (no scheme, not protocol-relative `//`). */
  const isLocalUrl = (raw: string): boolean => {
    const url = raw.trim().replace(/&amp;/g, '&');
    if (/^(data|blob):/i.test(url)) return true;
    return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[\\/]{2}/.test(url);
  };

  function cssProblems(css: string, where: string): string[] {
    const problems: string[] = [];
    for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
      const target = m[1] ?? m[2] ?? m[3] ?? '';
      if (!isLocalUrl(target)) problems.push(`${where}: url(${target.slice(0, 80)})`);
    }
    for (const m of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]*)/gi)) {
      if (!isLocalUrl(m[1] ?? '')) problems.push(`${where}: @import ${m[1] ?? ''}`);
    }
    for (const m of css.matchAll(/image-set\(([^)]*)\)/gi)) {
      for (const s of (m[1] ?? '').matchAll(/"([^"]*)"|'([^']*)'/g)) {
        const target = s[1] ?? s[2] ?? '';
        if (!isLocalUrl(target)) problems.push(`${where}: image-set ${target}`);
      }
    }
    return problems;
  }

  function externalResources(html: string): { problems: string[]; scripts: string[]; styles: number } {
    const problems: string[] = [];
    const scripts: string[] = [];
    let styles = 0;
    // Markup with raw-text contents removed (start tags kept, so their attributes are checked).
    const markup = html.replace(RAW_TEXT, (_all, name: string, attributes: string, content: string) => {
      if (name.toLowerCase() === 'script') scripts.push(content);
      else {
        styles += 1;
        problems.push(...cssProblems(content, '<style>'));
      }
      return `<${name}${attributes}></${name}>`;
    });
    for (const tag of markup.replace(/<!--[\s\S]*?-->/g, '').matchAll(TAG)) {
      const name = (tag[1] ?? '').toLowerCase();
      if (FORBIDDEN_TAGS.has(name)) problems.push(`<${name}> element`);
      for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
        const attr = (attribute[1] ?? '').toLowerCase();
        const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
        if (name === 'script' && attr === 'src') problems.push(`<script src="${value}">: scripts must be inline`);
        if (name === 'meta' && attr === 'http-equiv' && value.toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
        if (attr === 'style') problems.push(...cssProblems(value, `<${name} style>`));
        if (!RESOURCE_ATTRIBUTES.has(attr)) continue;
        // srcset-like values are comma-separated "url descriptor" candidates.
        const urls = attr.endsWith('srcset') ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) if (!isLocalUrl(url)) problems.push(`<${name} ${attr}="${url}">`);
      }
    }
    return { problems, scripts, styles };
  }

  /**
   * Where the HTML tokenizer is after a <script>'s content: `<!--` then `<script` puts it in
   * the "double escaped" state, in which our `</script>` would not end the element (and the
   * split above, like the page, would be wrong). Simplified from the spec's script-data states.
   */
  function scriptEndState(content: string): 'data' | 'escaped' | 'double-escaped' {
    let state: 'data' | 'escaped' | 'double-escaped' = 'data';
    for (const m of content.matchAll(/<!--|-->|<script[\s/>]|<\/script[\s/>]/gi)) {
      const token = m[0].toLowerCase();
      if (token === '-->') state = 'data';
      else if (token === '<!--' && state === 'data') state = 'escaped';
      else if (token.startsWith('<script') && state === 'escaped') state = 'double-escaped';
      else if (token.startsWith('</script') && state === 'double-escaped') state = 'escaped';
    }
    return state;
  }

  let html: string;
  beforeAll(() => {
    html = loadGraphiqlPage({ endpoint: '/graphql' }).body.toString('utf8');
  });

  it('has only inline scripts and styles, with no external URL in markup or CSS', () => {
    const { problems, scripts, styles } = externalResources(html);
    expect(problems).toEqual([]);
    // Workers setup, the GraphiQL bundle, the render call; the bundle CSS and our layout CSS.
    expect(scripts).toHaveLength(3);
    expect(styles).toBe(2);
    expect(scripts[2]).toContain('YogaGraphiQL.renderYogaGraphiQL(');
    // Fonts and images really are inlined (the checker saw url()s and found them data:).
    expect(html).toMatch(/url\(data:font\/woff2;base64,/);
  });

  it('closes every script where the page expects (no tokenizer double-escape)', () => {
    for (const script of externalResources(html).scripts) expect(scriptEndState(script)).not.toBe('double-escaped');
  });

  it('the checker does flag external resources (not vacuous)', () => {
    const bad = [
      '<script src="https://cdn.example/graphiql.js"></script>',
      '<link rel="stylesheet" href="//fonts.example/css">',
      "<iframe src='about:blank'></iframe>",
      '<img srcset="a.png 1x, https://x.example/b.png 2x">',
      '<style>@import "https://x.example/a.css"; .a { background: url(http://x.example/i.png) }</style>',
      '<div style="background-image: url(\'//x.example/i.png\')"></div>',
    ];
    for (const snippet of bad) expect(externalResources(snippet).problems).not.toEqual([]);
    expect(scriptEndState('a = "<!--<script>"; b = 1;')).toBe('double-escaped');
    expect(scriptEndState('a = "<!--<script>"; /* --> */')).toBe('data');
  });

  it('configures the same-origin endpoint, graphql-ws subscriptions and the example query', () => {
    expect(html).toContain('"endpoint":"/graphql"');
    expect(html).toContain('"subscriptionsProtocol":"WS"');
    expect(html).toContain('persons(first: 5)');
  });
});

describe('page options', () => {
  it('escapes the title for HTML', () => {
    const html = renderGraphiqlHtml({ endpoint: '/graphql', title: '</title><script>alert(1)</script>' });
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('accepts only a path or an http(s) URL as endpoint', () => {
    expect(() => renderGraphiqlHtml({ endpoint: 'javascript:alert(1)' })).toThrow(/http or https/);
    expect(() => renderGraphiqlHtml({ endpoint: '//elsewhere.example/graphql' })).toThrow(/path like/);
    expect(() => renderGraphiqlHtml({ endpoint: 'graphql' })).toThrow(/path like/);
  });

  it('lets an absolute endpoint through the CSP, HTTP and WebSocket alike', () => {
    const { csp } = loadGraphiqlPage({ endpoint: 'https://api.example.test/graphql' });
    expect(csp).toContain("connect-src 'self' https://api.example.test wss://api.example.test");
  });
});
