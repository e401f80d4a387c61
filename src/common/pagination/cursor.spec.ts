import { decodeCursor, encodeCursor, pageSize, toPage, useCursorSecret } from './cursor';

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

  it('seals the sort keys: the time cannot be read out of a cursor, and a changed byte is refused', () => {
    const raw = encodeCursor({ k: ['2026-11-23T10:00:00.123456Z'], id });
    const bytes = Buffer.from(raw, 'base64url');
    expect(bytes.toString('latin1')).not.toMatch(/2026|123456|6f1c1d8e/);
    expect(raw).not.toBe(encodeCursor({ k: ['2026-11-23T10:00:00.123456Z'], id }));
    for (const at of [0, 14, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at] ^= 1;
      expect(() => decodeCursor(tampered.toString('base64url'), 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    const plain = Buffer.from(JSON.stringify({ k: ['2026-11-23T10:00:00.123456Z'], id })).toString('base64url');
    expect(() => decodeCursor(plain, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('opens cursors sealed under the same secret only', () => {
    useCursorSecret('a'.repeat(32));
    const raw = encodeCursor({ k: [1], id });
    useCursorSecret('b'.repeat(32));
    expect(() => decodeCursor(raw, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    useCursorSecret('a'.repeat(32));
    expect(decodeCursor(raw, 1)).toEqual({ k: [1], id });
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
