/**
 * Parses an RFC 8288 Link header (`<url>; rel="next", <url>; rel="prev"`) into rel → URL.
 * CardExchange documents first/last/next/prev; `previous` is accepted as a synonym of `prev`.
 */
export function parseLinkHeader(header: string | string[] | undefined): Map<string, string> {
  const links = new Map<string, string>();
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return links;
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (!match) continue;
    const rel = /;\s*rel="?([^";]+)"?/i.exec(match[2] ?? '');
    if (!rel) continue;
    for (const name of rel[1]!.trim().toLowerCase().split(/\s+/)) {
      links.set(name === 'previous' ? 'prev' : name, match[1]!);
    }
  }
  return links;
}
