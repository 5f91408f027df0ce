/**
 * Connection cursors. The vendors page by number, so a cursor is an offset into the result list;
 * it is base64url-encoded so that clients treat it as opaque and we can change it later.
 */
import { BadInputError } from '../errors/gatewayError';

const PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset of the item after `cursor` (0 without a cursor). */
export function offsetAfter(cursor: string | null | undefined, argument = 'after'): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^offset:(\d{1,9})$/.exec(decoded);
  if (!match) {
    throw new BadInputError(argument, `"${argument}" is not a cursor this API handed out; pass a pageInfo.endCursor or edges.cursor value unchanged.`);
  }
  return Number(match[1]) + 1;
}
