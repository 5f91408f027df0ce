/**
 * The GraphiQL IDE as one self-contained HTML page, built once at start-up.
 *
 * Everything comes from @graphql-yoga/render-graphiql, which ships GraphiQL 5, React and
 * Monaco (with its editor/JSON/GraphQL workers) prebuilt as strings, fonts and images
 * inlined as `data:` URLs. We inline all of it into the page, so the page needs no CDN,
 * no static-file route and no build step: it works on machines with no internet.
 * Apollo Server's own landing page loads from Apollo's CDN, which is why we replace it.
 *
 * The page is ~9 MB raw, so it is compressed here once (gzip + brotli) and served from
 * memory with an ETag; see serveGraphiql.ts.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

type GraphiqlBundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

export interface GraphiqlAsset {
  /** The HTML page, uncompressed. */
  body: Buffer;
  gzip: Buffer;
  brotli?: Buffer;
  /** Weak ETag over `body`; one tag for all encodings (see serveGraphiql). */
  etag: string;
  contentType: string;
  /** Content-Security-Policy for the page: the browser itself refuses any other origin. */
  csp: string;
}

export interface GraphiqlPageOptions {
  /** GraphQL endpoint: a path on this origin (`/graphql`) or an absolute http(s) URL. Subscriptions use graphql-ws on the same URL. */
  endpoint: string;
  /** Tab title and header text. Plain text; escaped here. */
  title?: string;
  /** Query in the first editor tab of a new browser (GraphiQL keeps the user's tabs after that). */
  defaultQuery?: string;
}

/** An example that touches every vendor-backed level of the schema: person → cardholder → card. */
export const DEFAULT_QUERY = `# Ctrl-Enter runs, Ctrl-Space completes.
# Docs: the book icon, top left.
{
  persons(first: 5) {
    totalCount
    nodes {
      id
      firstName
      lastName
      cardholders {
        status
        cards {
          cardNumber
          status
        }
      }
    }
  }
}
`;

const DEFAULT_TITLE = 'Keyway GraphiQL';

/** A key outline, inline so the header has a logo without fetching anything (Yoga's is its own brand). */
const LOGO_SVG =
  '<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="2" ' +
  'stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">' +
  '<circle cx="7.5" cy="15.5" r="4.5"/><path d="M10.7 12.3 21 2M16 7l3 3M14 9l2 2"/></svg>';

/**
 * Brotli quality 6 with a 16 MB window: ~0.15 s for the page and within ~3% of quality 9
 * (q10/q11 take 4–9 s, too slow for start-up). gzip at its default level likewise: level 9
 * saves 0.4% for twice the time.
 */
const BROTLI_QUALITY = 6;

const cache = new Map<string, GraphiqlAsset>();

/**
 * Builds (once per distinct options, per process) the page and its compressed forms.
 * Call it at start-up, not per request: compressing takes ~0.3 s.
 */
export function loadGraphiqlPage(options: GraphiqlPageOptions): GraphiqlAsset {
  const key = JSON.stringify([options.endpoint, options.title, options.defaultQuery]);
  const cached = cache.get(key);
  if (cached) return cached;

  const csp = contentSecurityPolicy(options.endpoint);
  const body = Buffer.from(renderGraphiqlHtml(options), 'utf8');
  const asset: GraphiqlAsset = {
    body,
    gzip: gzipSync(body),
    brotli: brotliCompressSync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlibConstants.BROTLI_PARAM_LGWIN]: 24,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    // Weak: the same tag stands for the identity, gzip and br representations.
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    contentType: 'text/html; charset=utf-8',
    csp,
  };
  cache.set(key, asset);
  return asset;
}

/** The page's HTML. Exported for tests; the server uses `loadGraphiqlPage`. */
export function renderGraphiqlHtml(options: GraphiqlPageOptions): string {
  const bundle = loadBundle();
  const title = options.title ?? DEFAULT_TITLE;
  parseEndpoint(options.endpoint); // fail at start-up, not in the browser
  const config = {
    endpoint: options.endpoint,
    defaultQuery: options.defaultQuery ?? DEFAULT_QUERY,
    // Yoga's header renders `title` and `logo` as HTML (innerHTML), hence escaped.
    title: escapeHtml(title),
    logo: LOGO_SVG,
    // graphql-ws on the endpoint's own URL (http→ws); queries and mutations stay on HTTP.
    subscriptionsProtocol: 'WS',
  };
  // Monaco starts its workers from these blob: URLs instead of fetching worker files.
  const workerScript =
    'function prepareBlob(source) {' +
    " return URL.createObjectURL(new Blob([source], { type: 'application/javascript' })); }\n" +
    'var workers = {' +
    ` editorWorkerService: prepareBlob(${scriptJson(bundle.editorWorkerService)}),` +
    ` json: prepareBlob(${scriptJson(bundle.jsonWorker)}),` +
    ` graphql: prepareBlob(${scriptJson(bundle.graphqlWorker)}) };\n` +
    "self['MonacoEnvironment'] = { globalAPI: false," +
    ' getWorkerUrl: function (moduleId, label) { return workers[label] || workers.editorWorkerService; } };';

  // Yoga's page passes GraphiQL `plugins: [explorer]`, which replaces GraphiQL's default
  // `[history]`; our options are spread after it, and an explicit `undefined` (which JSON
  // cannot carry) brings the default back. Query history matters more to us than the
  // OneGraph query builder, and only one of the two is reachable from outside the bundle.
  const renderScript =
    `var config = ${scriptJson(config)};\n` +
    'config.plugins = undefined;\n' +
    "YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), config);";

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${bundle.css}</style>
<style>html, body, #root { height: 100%; margin: 0; }</style>
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script>${workerScript}</script>
<script>${bundle.js}
${SCRIPT_TOKENIZER_RESET}</script>
<script>${renderScript}</script>
</body>
</html>
`;
}

/**
 * The bundle contains `<!--` and `<script` in string literals. In an HTML <script>, that
 * sequence can put the tokenizer into its "double escaped" state, where the next
 * `</script>` no longer closes the element and the rest of the page would be eaten as
 * script. A `-->` returns the tokenizer to plain script data; inside a JS comment it is
 * inert. Today's bundle happens to end in plain script data; this keeps a future version
 * from silently breaking the page. (`</script` itself is refused in loadBundle.)
 */
const SCRIPT_TOKENIZER_RESET = '/* --> */';

function loadBundle(): GraphiqlBundle {
  // Required lazily: the module is ~9 MB of strings, only needed when GraphiQL is served.
  const bundle = require('@graphql-yoga/render-graphiql/graphiql') as Partial<GraphiqlBundle>;
  const parts = ['js', 'css', 'editorWorkerService', 'jsonWorker', 'graphqlWorker'] as const;
  for (const part of parts) {
    if (typeof bundle[part] !== 'string' || bundle[part].length === 0) {
      throw new Error(`@graphql-yoga/render-graphiql/graphiql no longer exports "${part}"; check the package version`);
    }
  }
  const full = bundle as GraphiqlBundle;
  // Inlined verbatim, so they must not contain their own end tag.
  if (/<\/script/i.test(full.js)) throw new Error('GraphiQL bundle contains "</script"; cannot inline it');
  if (/<\/style/i.test(full.css)) throw new Error('GraphiQL CSS contains "</style"; cannot inline it');
  return full;
}

/** JSON that is safe inside an HTML <script>: no `<` (so no `</script>` or `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A path on this origin, or an absolute http(s) URL; returns the URL's origin for the latter. */
function parseEndpoint(endpoint: string): URL | undefined {
  if (endpoint.startsWith('/') && !endpoint.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`GraphiQL endpoint must be a path like "/graphql" or an http(s) URL, got "${endpoint}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`GraphiQL endpoint must use http or https, got "${endpoint}"`);
  }
  return url;
}

/**
 * Everything the page needs is inline or `blob:` (Monaco workers) or `data:` (fonts,
 * images); the only network use is the GraphQL endpoint over fetch and WebSocket. So the
 * policy allows nothing else, and a stray external load is blocked by the browser rather
 * than silently depending on the internet. `'self'` in connect-src covers ws:/wss: to the
 * same host (CSP Level 3). The inline bundle needs 'unsafe-inline'.
 */
function contentSecurityPolicy(endpoint: string): string {
  const connect = ["'self'"];
  const url = parseEndpoint(endpoint);
  if (url) {
    const wsProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    connect.push(url.origin, `${wsProtocol}//${url.host}`);
  }
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline' blob:",
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
