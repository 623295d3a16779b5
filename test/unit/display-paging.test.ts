import { describe, expect, it } from 'vitest';
import { PAGE_PERIOD_MS, pageAt, pageCount, pageSlice, rowsPerPage } from '../../display/logic/paging.ts';

describe('lobby paging', () => {
  it('fits whole rows only', () => {
    expect(rowsPerPage(700, 100)).toBe(7);
    expect(rowsPerPage(799, 100)).toBe(7);
    expect(rowsPerPage(800, 100)).toBe(8);
  });

  it('always shows at least one row, even before layout', () => {
    expect(rowsPerPage(50, 100)).toBe(1);
    expect(rowsPerPage(0, 0)).toBe(1);
  });

  it('counts pages, with one page for an empty board', () => {
    expect(pageCount(17, 7)).toBe(3);
    expect(pageCount(14, 7)).toBe(2);
    expect(pageCount(0, 7)).toBe(1);
  });

  it('turns one page per period and starts over', () => {
    const t0 = 1_000 * PAGE_PERIOD_MS; // a multiple of the period and of 3 pages
    expect(pageAt(t0 + 1, 3)).toBe(1);
    expect(pageAt(t0 + PAGE_PERIOD_MS, 3)).toBe(2);
    expect(pageAt(t0 + 2 * PAGE_PERIOD_MS, 3)).toBe(0);
    expect(pageAt(t0 + 5 * PAGE_PERIOD_MS, 1)).toBe(0);
  });

  it('slices the rows of a page', () => {
    const rows = Array.from({ length: 17 }, (_, i) => i);
    expect(pageSlice(rows, 0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pageSlice(rows, 2, 7)).toEqual([14, 15, 16]);
  });
});
