import { CommonError } from '../errors/common.errors';
import { isUuid } from '../validation/uuid';

/**
 * Opaque keyset cursors: the sort values of a row plus its id as tie-breaker, base64url
 * JSON. Opaque to clients, so the encoding can change without breaking the contract.
 */
export interface KeysetCursor {
  /** Sort key values, e.g. an ISO timestamp or a rank; compared in the query's order. */
  k: Array<string | number>;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}


export function decodeCursor(raw: string | null | undefined, keyCount: number): KeysetCursor | null {
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<KeysetCursor>;
    if (
      Array.isArray(parsed.k) &&
      parsed.k.length === keyCount &&
      parsed.k.every((value) => typeof value === 'string' || typeof value === 'number') &&
      isUuid(parsed.id)
    ) {
      return { k: parsed.k, id: parsed.id };
    }
  } catch {
    // fall through: any undecodable cursor is the same mistake to the client
  }
  throw new CommonError('INVALID_CURSOR', 'That page cursor is not valid. Start again from the first page.');
}

/** Validates `first` against the configured cap; the contract's defaults apply when omitted. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new CommonError('PAGE_SIZE', `"first" must be between 1 and ${max}.`);
  }
  return size;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Rows were fetched with LIMIT size + 1: the extra row only says there is a next page. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => KeysetCursor): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
