/**
 * Relay connections over an offset slice. Every list resolver returns a ConnectionSlice and these
 * resolvers derive edges, nodes and pageInfo from it, so no list type repeats the cursor maths.
 */
import { encodeCursor } from '../paging/offsetCursor';

export interface ConnectionSlice<T> {
  items: T[];
  /** Offset of `items[0]` in the whole list. */
  offset: number;
  totalCount: number;
}

export const connectionResolvers = {
  edges: <T>(slice: ConnectionSlice<T>) =>
    slice.items.map((node, index) => ({ cursor: encodeCursor(slice.offset + index), node })),
  nodes: <T>(slice: ConnectionSlice<T>) => slice.items,
  totalCount: <T>(slice: ConnectionSlice<T>) => slice.totalCount,
  pageInfo: <T>(slice: ConnectionSlice<T>) => ({
    hasNextPage: slice.offset + slice.items.length < slice.totalCount,
    hasPreviousPage: slice.offset > 0,
    startCursor: slice.items.length > 0 ? encodeCursor(slice.offset) : null,
    endCursor: slice.items.length > 0 ? encodeCursor(slice.offset + slice.items.length - 1) : null,
  }),
};
