import { encodeCursor, toPage } from './cursor';
import { afterTimeCondition, decodeRankCursor, decodeTimeCursor, rankCursor, timeCursor, timeKeySql } from './keyset';

const id = '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f';
const badCursor = expect.objectContaining({ code: 'BAD_USER_INPUT' });

describe('feed and list cursors', () => {
  it('carries the microsecond timestamp and the id through an opaque cursor', () => {
    const rows = [
      { sortKey: '2026-11-23T10:00:00.123457Z', id: 'aaaaaaaa-8f0a-4b7e-9d55-0b0a1c2d3e4f' },
      { sortKey: '2026-11-23T10:00:00.123456Z', id },
      { sortKey: '2026-11-23T09:00:00.000000Z', id },
    ];
    const page = toPage(rows, 2, (row) => timeCursor(row.sortKey, row.id));
    expect(page.pageInfo.hasNextPage).toBe(true);
    // Two rows inside the same millisecond stay distinct: the cursor keeps microseconds.
    expect(decodeTimeCursor(page.pageInfo.endCursor)).toEqual({ time: '2026-11-23T10:00:00.123456Z', id });
    expect(decodeTimeCursor(page.edges[0].cursor)).toEqual({ time: '2026-11-23T10:00:00.123457Z', id: rows[0].id });
  });

  it('treats no cursor as the first page and refuses cursors that would not parse as a timestamp', () => {
    expect(decodeTimeCursor(undefined)).toBeNull();
    expect(decodeTimeCursor(null)).toBeNull();
    expect(() => decodeTimeCursor(encodeCursor({ k: ['yesterday'], id }))).toThrow(badCursor);
    expect(() => decodeTimeCursor(encodeCursor({ k: [12], id }))).toThrow(badCursor);
    expect(() => decodeTimeCursor(encodeCursor({ k: ['2026-13-45T99:00:00.000000Z'], id }))).toThrow(badCursor);
    expect(() => decodeTimeCursor('garbage')).toThrow(badCursor);
  });

  it('keeps a search rank exactly as a number', () => {
    const raw = encodeCursor(rankCursor(0.0607927, id));
    expect(decodeRankCursor(raw)).toEqual({ rank: 0.0607927, id });
    expect(() => decodeRankCursor(encodeCursor({ k: ['0.5'], id }))).toThrow(badCursor);
    expect(() => decodeRankCursor(encodeCursor({ k: [-1], id }))).toThrow(badCursor);
  });

  it('builds row comparisons in the direction of the sort', () => {
    expect(afterTimeCondition('t.last_activity_at', 't.id', 'DESC', '$1', '$2')).toBe(
      '(t.last_activity_at, t.id) < ($1::timestamptz, $2::uuid)',
    );
    expect(afterTimeCondition('p.created_at', 'p.id', 'ASC', '$2', '$3')).toBe('(p.created_at, p.id) > ($2::timestamptz, $3::uuid)');
    expect(timeKeySql('p.created_at')).toContain(`AT TIME ZONE 'UTC'`);
  });
});
