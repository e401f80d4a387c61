import { CommonError } from '../errors/common.errors';
import { decodeCursor, KeysetCursor } from './cursor';

/**
 * Keyset helpers for the forum's lists. Timestamps go into cursors with Postgres'
 * microsecond precision (a JS Date keeps milliseconds only, which would skip or repeat
 * rows whose times differ below a millisecond), formatted by SQL as UTC ISO text.
 */

/** SQL for a timestamptz column as `2026-11-23T10:00:00.123456Z`: exact and sortable. */
export function timeKeySql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const TIME_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Whether a cursor's time value is what timeKeySql produces (and a real instant). */
export function isTimeKey(value: unknown): value is string {
  return typeof value === 'string' && TIME_KEY.test(value) && !Number.isNaN(Date.parse(value));
}

function invalidCursor(): Error {
  return new CommonError('INVALID_CURSOR', 'That page cursor is not valid. Start again from the first page.');
}

/** A cursor over (timestamp, id), e.g. the feed's (lastActivityAt, id). */
export function decodeTimeCursor(raw: string | null | undefined): { time: string; id: string } | null {
  const cursor = decodeCursor(raw, 1);
  if (cursor === null) return null;
  const [time] = cursor.k;
  if (!isTimeKey(time)) throw invalidCursor();
  return { time, id: cursor.id };
}

export function timeCursor(timeKey: string, id: string): KeysetCursor {
  return { k: [timeKey], id };
}

/** A search cursor over (rank, id): rank as the float4 Postgres computed, read back exactly. */
export function decodeRankCursor(raw: string | null | undefined): { rank: number; id: string } | null {
  const cursor = decodeCursor(raw, 1);
  if (cursor === null) return null;
  const [rank] = cursor.k;
  if (typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0) throw invalidCursor();
  return { rank, id: cursor.id };
}

export function rankCursor(rank: number, id: string): KeysetCursor {
  return { k: [rank], id };
}

export type Direction = 'ASC' | 'DESC';

/**
 * The "after this cursor" condition on (timeColumn, idColumn) for a list sorted by both in
 * `direction`: a row comparison, which Postgres serves from the (time, id) index.
 */
export function afterTimeCondition(timeColumn: string, idColumn: string, direction: Direction, timeParam: string, idParam: string): string {
  const op = direction === 'DESC' ? '<' : '>';
  return `(${timeColumn}, ${idColumn}) ${op} (${timeParam}::timestamptz, ${idParam}::uuid)`;
}
