/**
 * Serves one Relay page of a CardExchange collection: the page window is mapped onto page/per_page
 * (one request, two when the window straddles pages) and every returned object is primed into the
 * request's loaders.
 */
import { offsetAfter } from '../../paging/offsetCursor';
import { validateFirst } from '../../paging/firstArgument';
import { planPageWindow } from '../../paging/pageWindow';
import type { ConnectionSlice } from '../../resolvers/connection';
import type { CxListQuery } from './client';
import type { CardExchangeLoaders } from './loaders';
import { CX_MAX_PER_PAGE, type CxResource } from './resources';

export interface SliceArguments {
  first?: number | null;
  after?: string | null;
}

export async function listSlice<T extends { id: string }>(
  loaders: CardExchangeLoaders,
  resource: CxResource,
  args: SliceArguments,
  query: CxListQuery,
): Promise<ConnectionSlice<T>> {
  const count = validateFirst(args.first);
  const offset = offsetAfter(args.after);
  if (count === 0) {
    // Nothing to show, but totalCount still needs the vendor: the smallest page gives it.
    const { totalCount } = await loaders.client.list<T>(resource, 1, 1, query);
    return { items: [], offset, totalCount };
  }
  const plan = planPageWindow(offset, count, CX_MAX_PER_PAGE);
  const pages = await Promise.all(plan.requests.map((r) => loaders.client.list<T>(resource, r.page, r.perPage, query)));
  const items = pages.flatMap((page) => page.items).slice(plan.skip, plan.skip + count);
  for (const item of items) loaders.primeListItem(resource, item);
  const totalCount = Math.max(...pages.map((page) => page.totalCount));
  return { items, offset, totalCount };
}
