/**
 * One Relay page of a user's cards. BluSKY returns all of a user's cards in one answer, so the
 * window is cut from that list here; removed entries are left out unless asked for.
 */
import { validateFirst } from '../../paging/firstArgument';
import { offsetAfter } from '../../paging/offsetCursor';
import type { ConnectionSlice } from '../../resolvers/connection';
import { requireGuid } from '../../validation/guid';
import type { BluskyLoaders } from './loaders';
import type { UserCardView } from './types';

export interface UserCardSliceArguments {
  userId: string;
  first?: number | null;
  after?: string | null;
  includeRemoved?: boolean | null;
}

export async function userCardSlice(loaders: BluskyLoaders, args: UserCardSliceArguments): Promise<ConnectionSlice<UserCardView> | null> {
  const userId = requireGuid(args.userId.trim(), 'userId').toLowerCase();
  const count = validateFirst(args.first);
  const offset = offsetAfter(args.after);
  const cards = await loaders.userCards.load(userId);
  if (cards === null) return null;
  const listed = args.includeRemoved ? cards : cards.filter((card) => !card.removed);
  return { items: listed.slice(offset, offset + count), offset, totalCount: listed.length };
}
