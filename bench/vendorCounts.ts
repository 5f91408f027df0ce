/**
 * Vendor request counts as the benchmark reports them: per vendor, the total and a breakdown by
 * route (`GET /api/v1/cardholders/:id`), counted by the simulators themselves.
 */
export interface VendorCount {
  total: number;
  byRoute: Record<string, number>;
}

export type VendorCounts = Record<string, VendorCount>;

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/** `GET /api/v1/persons/6f96...` → `GET /api/v1/persons/:id`, so counts group by route. */
export function routeKey(method: string, path: string): string {
  const segments = path.split('/').map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment));
  return `${method} ${segments.join('/')}`;
}

/** Requests of one vendor whose route key matches, e.g. /login$/. */
export function countMatching(counts: VendorCounts, vendor: string, match: RegExp): number {
  const routes = counts[vendor]?.byRoute ?? {};
  return Object.entries(routes).reduce((sum, [route, n]) => (match.test(route) ? sum + n : sum), 0);
}

export function totalOf(counts: VendorCounts, vendor: string): number {
  return counts[vendor]?.total ?? 0;
}
