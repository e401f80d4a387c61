import type { EntityManager } from 'typeorm';

/**
 * A per-account sliding-window limit counted in Postgres: at most `limit` events (rows of
 * `table` for the account) in the last `windowSeconds`. Safe with many API instances: a
 * transaction-scoped advisory lock per (limit, account) serializes the count and the insert
 * that follows it, so two instances cannot both let the last event in.
 */
export interface AccountWindowLimit {
  /** Names the limit in the advisory lock's key. */
  name: string;
  /** The table holding one row per event; a constant from code, never from input. */
  table: string;
  accountColumn: string;
  timeColumn: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Call inside the transaction that records the event, before recording it. Null when the
 * account may go ahead; otherwise the seconds until the oldest event in the window leaves it.
 */
export async function accountWindowWait(manager: EntityManager, window: AccountWindowLimit, accountId: string): Promise<number | null> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || $2::text, 0))`, [`kindred:${window.name}:`, accountId]);
  const [{ count, retryAfter }] = (await manager.query(
    `SELECT count(*)::int AS count,
            GREATEST(1, ceil(extract(epoch FROM min(${window.timeColumn}) + make_interval(secs => $2) - clock_timestamp())))::int AS "retryAfter"
       FROM ${window.table}
      WHERE ${window.accountColumn} = $1::uuid AND ${window.timeColumn} > clock_timestamp() - make_interval(secs => $2)`,
    [accountId, window.windowSeconds],
  )) as Array<{ count: number; retryAfter: number | null }>;
  return count >= window.limit ? (retryAfter ?? window.windowSeconds) : null;
}

/**
 * For a table kept only to count events (one row per event, who and when): checks the
 * window, and when there is room records the event and drops the account's rows that left
 * the window, so the table stays one window deep. Same result as accountWindowWait.
 */
export async function takeAccountWindowEvent(
  manager: EntityManager,
  window: AccountWindowLimit,
  accountId: string,
): Promise<number | null> {
  const wait = await accountWindowWait(manager, window, accountId);
  if (wait !== null) return wait;
  await manager.query(
    `DELETE FROM ${window.table} WHERE ${window.accountColumn} = $1::uuid AND ${window.timeColumn} <= clock_timestamp() - make_interval(secs => $2)`,
    [accountId, window.windowSeconds],
  );
  await manager.query(`INSERT INTO ${window.table} (${window.accountColumn}, ${window.timeColumn}) VALUES ($1::uuid, clock_timestamp())`, [
    accountId,
  ]);
  return null;
}
