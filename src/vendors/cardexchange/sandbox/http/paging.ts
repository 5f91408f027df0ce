/**
 * Page-number paging as documented: `page` (default 1) and `per_page` (1..100, default 15); the
 * answer is a JSON array with `X-Total-Count` and a `Link` header (first, prev, next, last) whose
 * URLs keep every other query parameter.
 */
import type { SimRequest, SimResponse } from '../../../../sandbox/simulatorServer';
import type { ErrorCollector } from './problem';

export interface Paging {
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 15;
export const MAX_PER_PAGE = 100;

export function readPaging(query: URLSearchParams, errors: ErrorCollector): Paging {
  const page = positiveInteger(query.get('page'), 1);
  const perPage = positiveInteger(query.get('per_page'), DEFAULT_PER_PAGE);
  if (page === undefined) errors.add('page', 'The page parameter must be an integer greater than or equal to 1.');
  if (perPage === undefined || perPage > MAX_PER_PAGE) {
    errors.add('per_page', `The per_page parameter must be an integer between 1 and ${MAX_PER_PAGE}.`);
  }
  return { page: page ?? 1, perPage: Math.min(perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE) };
}

function positiveInteger(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  return value >= 1 && Number.isSafeInteger(value) ? value : undefined;
}

/** One page of `items` (all matches, in list order), each turned into its response shape. */
export function pageResponse<T>(request: SimRequest, items: readonly T[], paging: Paging, view: (item: T) => unknown): SimResponse {
  const { page, perPage } = paging;
  const start = (page - 1) * perPage;
  const body = items.slice(start, start + perPage).map(view);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: Array<[string, number]> = [['first', 1]];
  // A page past the end still points back to the last real page.
  if (page > 1) links.push(['prev', Math.min(page - 1, last)]);
  if (page < last) links.push(['next', page + 1]);
  links.push(['last', last]);
  return {
    status: 200,
    body,
    headers: {
      'X-Total-Count': String(items.length),
      Link: links.map(([rel, target]) => `<${pageUrl(request, target)}>; rel="${rel}"`).join(', '),
    },
  };
}

function pageUrl(request: SimRequest, page: number): string {
  const query = new URLSearchParams(request.query);
  query.set('page', String(page));
  const host = request.headers.host ?? '127.0.0.1';
  return `http://${host}${request.path}?${query.toString()}`;
}
