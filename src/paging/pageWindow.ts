/**
 * Maps a Relay window (skip `offset` items, take `count`) onto page/per_page requests.
 *
 * Vendors only return whole pages of at most `maxPerPage` items. One request suffices when some
 * page size p >= count puts the whole window on one page; we look for the smallest such p (a small
 * page wastes the least). Otherwise the window straddles a page boundary for every p and we read
 * two consecutive pages of size `count`. This is the offset maths of graphql-relay's
 * connectionFromArraySlice, applied to numbered pages.
 */
export interface PageRequest {
  page: number;
  perPage: number;
}

export interface PageWindowPlan {
  requests: PageRequest[];
  /** Index, in the concatenated pages, of the window's first item. */
  skip: number;
}

export function planPageWindow(offset: number, count: number, maxPerPage: number): PageWindowPlan {
  if (count < 1) throw new RangeError('count must be at least 1');
  if (count > maxPerPage) throw new RangeError(`count must be at most ${maxPerPage}`);
  for (let perPage = count; perPage <= maxPerPage; perPage += 1) {
    const firstPage = Math.floor(offset / perPage);
    const lastPage = Math.floor((offset + count - 1) / perPage);
    if (firstPage === lastPage) {
      return { requests: [{ page: firstPage + 1, perPage }], skip: offset - firstPage * perPage };
    }
  }
  const firstPage = Math.floor(offset / count);
  return {
    requests: [
      { page: firstPage + 1, perPage: count },
      { page: firstPage + 2, perPage: count },
    ],
    skip: offset - firstPage * count,
  };
}
