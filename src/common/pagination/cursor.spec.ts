import { decodeCursor, encodeCursor, pageSize, toPage } from './cursor';

describe('keyset cursors', () => {
  const id = '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f';

  it('round-trips sort keys and the tie-breaking id', () => {
    const raw = encodeCursor({ k: ['2026-11-23T10:00:00.000Z', 3], id });
    expect(decodeCursor(raw, 2)).toEqual({ k: ['2026-11-23T10:00:00.000Z', 3], id });
  });

  it('rejects a tampered or foreign cursor with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('not-a-cursor', 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const wrongShape = encodeCursor({ k: ['a', 'b'], id });
    expect(() => decodeCursor(wrongShape, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('treats an absent cursor as the first page', () => {
    expect(decodeCursor(undefined, 1)).toBeNull();
    expect(decodeCursor('', 1)).toBeNull();
  });

  it('caps the page size', () => {
    expect(pageSize(undefined, 20, 100)).toBe(20);
    expect(() => pageSize(101, 20, 100)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => pageSize(0, 20, 100)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('uses the extra row only to report a next page', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id }));
    const page = toPage(rows, 2, (row) => ({ k: [row.n], id: row.id }));
    expect(page.edges.map((edge) => edge.node.n)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor, 1)).toEqual({ k: [2], id });
  });
});
