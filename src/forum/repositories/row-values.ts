import { Page, toPage } from '../../common/pagination/cursor';
import type { KeysetCursor } from '../../common/pagination/cursor';
import { timeCursor } from '../../common/pagination/keyset';

export type Row = Record<string, unknown>;

/** A text value a query selected by name (a sort key, an id); anything else is a bug in the query. */
export function textOf(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`expected text in column ${key}`);
  return value;
}

/** A number a query selected by name (a count, a rank); pg hands bigint and numeric over as text. */
export function numberOf(row: Row, key: string): number {
  const value = row[key];
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new Error(`expected a number in column ${key}`);
  return number;
}

/** Rows fetched with LIMIT size + 1 as a page of what `node` makes of each row. */
export function pageOfRows<T>(rows: Row[], size: number, cursorOf: (row: Row) => KeysetCursor, node: (row: Row) => T): Page<T> {
  const page = toPage(rows, size, cursorOf);
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: node(edge.node) })) };
}

/** Rows ordered by a time (selected as "sortKey", see timeKeySql) and id, fetched with LIMIT size + 1, as a page. */
export function timeKeyedPage<T>(rows: Row[], size: number, node: (row: Row) => T): Page<T> {
  return pageOfRows(rows, size, (row) => timeCursor(textOf(row, 'sortKey'), textOf(row, 'id')), node);
}

/** `ids` in order, each with its count from `rows` (key, count), 0 when absent. */
export function countsFor(ids: readonly string[], rows: Row[]): number[] {
  const map = new Map(rows.map((row) => [textOf(row, 'key'), numberOf(row, 'count')]));
  return ids.map((id) => map.get(id) ?? 0);
}
