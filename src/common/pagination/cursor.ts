import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CommonError } from '../errors/common.errors';
import { isUuid } from '../validation/uuid';

/**
 * Opaque keyset cursors: the sort values of a row plus its id as tie-breaker, sealed with
 * AES-256-GCM. Sealed because a cursor holds its row's time to the microsecond, which
 * could link a pseudonym to other traces: clients get only ciphertext, and a cursor that
 * was changed or made elsewhere fails authentication. The encoding can change freely: the
 * contract says cursors are opaque.
 */
export interface KeysetCursor {
  /** Sort key values, e.g. an ISO timestamp or a rank; compared in the query's order. */
  k: Array<string | number>;
  id: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

// A random key until the API starts and sets CURSOR_SECRET or the installation's secret
// (CursorKeyInitializer), so that every instance accepts the others' cursors.
let cursorKey = randomBytes(32);

/** Called once at start with the secret (null keeps this process's random key). */
export function useCursorSecret(secret: string | null): void {
  if (secret !== null) cursorKey = createHash('sha256').update(`kindred-cursor:${secret}`).digest();
}

export function encodeCursor(cursor: KeysetCursor): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(cursor), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function unseal(raw: string): string {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new Error('short cursor');
  const decipher = createDecipheriv('aes-256-gcm', cursorKey, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

export function decodeCursor(raw: string | null | undefined, keyCount: number): KeysetCursor | null {
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    const parsed = JSON.parse(unseal(raw)) as Partial<KeysetCursor>;
    if (
      Array.isArray(parsed.k) &&
      parsed.k.length === keyCount &&
      parsed.k.every((value) => typeof value === 'string' || typeof value === 'number') &&
      isUuid(parsed.id)
    ) {
      return { k: parsed.k, id: parsed.id };
    }
  } catch {
    // fall through: any undecodable or tampered cursor is the same mistake to the client
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
