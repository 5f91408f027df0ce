/**
 * Serves one Relay page of `identifiers` from Aktion's `identifier/getAll` paging (PageNumber is
 * 1-based): the window is mapped onto PageNumber/PageSize (one request, two when it straddles
 * pages) and every identifier returned is primed into the request's loader.
 */
import { validateFirst } from '../../paging/firstArgument';
import { offsetAfter } from '../../paging/offsetCursor';
import { planPageWindow } from '../../paging/pageWindow';
import type { ConnectionSlice } from '../../resolvers/connection';
import type { AktionPage } from './client';
import type { AktionLoaders } from './loaders';
import type { AktionIdentifier } from './types';

/** Largest PageSize the gateway asks for (Aktion documents no limit; this keeps answers small). */
export const AKTION_MAX_PAGE_SIZE = 100;

export interface IdentifierSliceArguments {
  first?: number | null;
  after?: string | null;
}

export async function identifierSlice(loaders: AktionLoaders, args: IdentifierSliceArguments): Promise<ConnectionSlice<AktionIdentifier>> {
  const count = validateFirst(args.first);
  const offset = offsetAfter(args.after);
  if (count === 0) {
    // Nothing to show, but totalCount still needs Aktion: the smallest page gives it.
    const page = await loaders.client.listIdentifiers(1, 1);
    return { items: [], offset, totalCount: totalOf(page, 1, 1) };
  }
  const plan = planPageWindow(offset, count, AKTION_MAX_PAGE_SIZE);
  const pages = await Promise.all(plan.requests.map((r) => loaders.client.listIdentifiers(r.page, r.perPage)));
  const items = pages.flatMap((page) => page.identifiers).slice(plan.skip, plan.skip + count);
  for (const item of items) loaders.prime(item);
  const totalCount = Math.max(...pages.map((page, i) => totalOf(page, plan.requests[i]!.page, plan.requests[i]!.perPage)));
  return { items, offset, totalCount };
}

/** TotalCount when Aktion sends it; otherwise a lower bound (one more when the page is full). */
function totalOf(page: AktionPage, pageNumber: number, pageSize: number): number {
  if (page.totalCount !== undefined) return page.totalCount;
  const seen = (pageNumber - 1) * pageSize + page.identifiers.length;
  return page.identifiers.length >= pageSize ? seen + 1 : seen;
}
