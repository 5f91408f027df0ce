import { planPageWindow } from '../../src/paging/pageWindow';
import { encodeCursor, offsetAfter } from '../../src/paging/offsetCursor';
import { validateFirst } from '../../src/paging/firstArgument';

/** Simulates the vendor: items 0..total-1, pages of perPage, then applies the plan. */
function serve(offset: number, count: number, total = 1000): number[] {
  const plan = planPageWindow(offset, count, 100);
  const all = plan.requests.flatMap(({ page, perPage }) =>
    Array.from({ length: perPage }, (_, i) => (page - 1) * perPage + i).filter((n) => n < total),
  );
  return all.slice(plan.skip, plan.skip + count);
}

describe('planPageWindow', () => {
  it('uses one page when the window is page aligned', () => {
    expect(planPageWindow(50, 50, 100)).toEqual({ requests: [{ page: 2, perPage: 50 }], skip: 0 });
  });

  it('finds a larger page size that holds an unaligned window in one request', () => {
    const plan = planPageWindow(15, 10, 100);
    expect(plan.requests).toHaveLength(1);
    expect(serve(15, 10)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
  });

  it('reads two pages when no page size up to 100 holds the window', () => {
    const plan = planPageWindow(99, 100, 100);
    expect(plan.requests).toEqual([
      { page: 1, perPage: 100 },
      { page: 2, perPage: 100 },
    ]);
    expect(serve(99, 100)).toEqual(Array.from({ length: 100 }, (_, i) => 99 + i));
  });

  it('returns exactly the requested window for every small offset and count', () => {
    for (let offset = 0; offset < 130; offset += 7) {
      for (const count of [1, 2, 15, 33, 50, 99, 100]) {
        expect(serve(offset, count)).toEqual(Array.from({ length: count }, (_, i) => offset + i));
      }
    }
  });
});

describe('cursors and first', () => {
  it('round-trips an offset through an opaque cursor', () => {
    expect(offsetAfter(encodeCursor(41))).toBe(42);
    expect(encodeCursor(41)).not.toContain('41');
  });

  it('rejects a cursor it did not hand out, naming the argument', () => {
    expect(() => offsetAfter('bm9wZQ')).toThrow(/"after" is not a cursor/);
  });

  it('rejects first above 100 or below 0', () => {
    expect(() => validateFirst(101)).toThrow(/between 0 and 100/);
    expect(() => validateFirst(-1)).toThrow(/between 0 and 100/);
    expect(validateFirst(undefined)).toBe(15);
  });
});
