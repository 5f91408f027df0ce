/**
 * Just enough HTTP content negotiation for the GraphiQL page: `Accept-Encoding` to pick
 * a precompressed body, `Accept` to tell a browser navigation from a GraphQL client, and
 * `If-None-Match` for revalidation. Small and dependency-free on purpose.
 */

export interface QualityItem {
  /** Lower-cased token or media range without parameters, e.g. `gzip`, `text/html`, `*\/*`. */
  readonly value: string;
  /** Quality weight in [0, 1]; 1 when absent. */
  readonly q: number;
}

/** Parses a `token;q=0.5, token2` style header (RFC 9110 §12.4.2). */
export function parseQualityList(header: string | readonly string[] | undefined): QualityItem[] {
  if (header === undefined) return [];
  const text = typeof header === 'string' ? header : header.join(',');
  const items: QualityItem[] = [];
  for (const part of text.split(',')) {
    const [rawValue, ...params] = part.split(';');
    const value = (rawValue ?? '').trim().toLowerCase();
    if (value === '') continue;
    let q = 1;
    for (const param of params) {
      const [name, rawQ] = param.split('=');
      if (name?.trim().toLowerCase() !== 'q') continue;
      const parsed = Number(rawQ?.trim());
      // A malformed weight is treated as "not acceptable" rather than guessed at.
      q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
    }
    items.push({ value, q });
  }
  return items;
}

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * Picks the best of `available` (listed in server preference order) for an
 * `Accept-Encoding` header. Without the header, or when nothing listed is acceptable,
 * the uncompressed body is served: always decodable, and browsers send the header anyway.
 */
export function chooseEncoding(
  header: string | readonly string[] | undefined,
  available: readonly Exclude<ContentEncoding, 'identity'>[],
): ContentEncoding {
  const items = parseQualityList(header);
  const weightOf = (coding: string): number => {
    const aliases = coding === 'gzip' ? ['gzip', 'x-gzip'] : [coding];
    const explicit = items.find((item) => aliases.includes(item.value));
    if (explicit) return explicit.q;
    // Codings not named are acceptable only through a wildcard (RFC 9110 §12.5.3).
    return items.find((item) => item.value === '*')?.q ?? 0;
  };
  let best: ContentEncoding = 'identity';
  let bestQ = 0;
  for (const coding of available) {
    const q = weightOf(coding);
    // Strictly greater: on a tie the earlier (server-preferred, smaller) coding wins.
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** Quality of `mediaType` (e.g. `text/html`) under an Accept list, most specific range first. */
function mediaTypeQuality(items: readonly QualityItem[], mediaType: string): number {
  const [type] = mediaType.split('/');
  const ranges = [mediaType, `${type ?? ''}/*`, '*/*'];
  for (const range of ranges) {
    const hit = items.find((item) => item.value === range);
    if (hit) return hit.q;
  }
  return 0;
}

/** GraphQL-over-HTTP response types a real client asks for. */
const GRAPHQL_RESPONSE_TYPES = ['application/graphql-response+json', 'application/json'] as const;

/**
 * True when an `Accept` header prefers HTML over every GraphQL response type, i.e. a
 * browser navigating to the endpoint. `*\/*` alone (curl, most HTTP libraries) ties and
 * therefore goes to the API, so scripted GET queries keep working.
 */
export function prefersHtml(accept: string | readonly string[] | undefined): boolean {
  const items = parseQualityList(accept);
  const html = mediaTypeQuality(items, 'text/html');
  const api = Math.max(...GRAPHQL_RESPONSE_TYPES.map((type) => mediaTypeQuality(items, type)));
  return html > 0 && html > api;
}

/**
 * Weak comparison of `If-None-Match` against our entity tag (RFC 9110 §13.1.2), as a GET
 * requires. Tags are matched as quoted strings so a comma inside one cannot split it.
 */
export function ifNoneMatchMatches(header: string | readonly string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const text = typeof header === 'string' ? header : header.join(',');
  if (text.trim() === '*') return true;
  const opaque = (tag: string): string => tag.replace(/^W\//, '');
  const ours = opaque(etag);
  for (const match of text.matchAll(/(?:W\/)?"[^"]*"/g)) {
    if (opaque(match[0]) === ours) return true;
  }
  return false;
}
