import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/role';
import { SessionEntity } from '../session.entity';
import { affectedRows, dateColumn, enumColumn, nullableDateColumn, rowsOf, SqlRow, stringColumn } from '../../database/sql-result';

/** A session as its holder may see it: dates only, never the token's hash. */
export interface SessionDates {
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface NewSession {
  accountId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Who holds a live session, as the session lookup reads it. */
export interface SessionHolder {
  sessionId: string;
  accountId: string;
  role: Role;
  suspendedUntil: Date | null;
  /** Accounts blocked by or blocking the holder. */
  hiddenAuthorIds: string[];
}

/** A text[] column (pg returns it as an array of strings). */
function stringArrayColumn(row: SqlRow, column: string): string[] {
  const value = row[column];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`column ${column} is not a text array`);
  return value as string[];
}

/**
 * Finds the live session of a token hash on an account that is not banned, and counts the
 * UTC day as active for the account (report standing) at most once a day: only the first
 * request of the day matches the update, and its row lock makes two racing first requests
 * count it once.
 */
const FIND_HOLDER_AND_COUNT_DAY = `
  WITH viewer AS (
    SELECT s.id AS session_id, a.id AS account_id, a.role, a.suspended_until
      FROM session s JOIN account a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.banned_at IS NULL
  ), active_today AS (
    UPDATE account SET days_active = days_active + 1, last_active_on = (now() AT TIME ZONE 'UTC')::date
     WHERE id = (SELECT account_id FROM viewer)
       AND (last_active_on IS NULL OR last_active_on < (now() AT TIME ZONE 'UTC')::date)
  )
  SELECT session_id, account_id, role, suspended_until,
         -- Blocks either way (issue 10): the forum hides these authors from this viewer.
         ARRAY(SELECT b.blocked_id FROM member_block b WHERE b.blocker_id = viewer.account_id
               UNION SELECT b.blocker_id FROM member_block b WHERE b.blocked_id = viewer.account_id)::text[] AS hidden_author_ids
    FROM viewer`;

/** The session table (bearer tokens, stored as SHA-256 only). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The new session's id. */
  async insert(manager: EntityManager, session: NewSession): Promise<string> {
    const result = await manager.insert(SessionEntity, { ...session, revokedAt: null });
    const [identifier] = result.identifiers;
    const id: unknown = identifier?.id;
    if (typeof id !== 'string') throw new Error('session insert returned no id');
    return id;
  }

  async findHolderAndCountActiveDay(tokenHash: string): Promise<SessionHolder | null> {
    const [row] = rowsOf(await this.dataSource.query(FIND_HOLDER_AND_COUNT_DAY, [tokenHash]));
    if (!row) return null;
    return {
      sessionId: stringColumn(row, 'session_id'),
      accountId: stringColumn(row, 'account_id'),
      role: enumColumn(row, 'role', Role),
      suspendedUntil: nullableDateColumn(row, 'suspended_until'),
      hiddenAuthorIds: stringArrayColumn(row, 'hidden_author_ids'),
    };
  }

  /** Every session of the account, oldest first: dates only (the hash is not even selected). */
  async datesOfAccount(manager: EntityManager, accountId: string): Promise<SessionDates[]> {
    const rows = rowsOf(
      await manager.query(`SELECT created_at, expires_at, revoked_at FROM session WHERE account_id = $1 ORDER BY created_at, id`, [
        accountId,
      ]),
    );
    return rows.map((row) => ({
      createdAt: dateColumn(row, 'created_at'),
      expiresAt: dateColumn(row, 'expires_at'),
      revokedAt: nullableDateColumn(row, 'revoked_at'),
    }));
  }

  /** True if the session was still active. */
  async revoke(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result: unknown = await manager.query(`UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [
      sessionId,
    ]);
    return affectedRows(result) > 0;
  }

  /** How many sessions were still active. */
  async revokeAllForAccount(manager: EntityManager, accountId: string): Promise<number> {
    const result: unknown = await manager.query(
      `UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`,
      [accountId],
    );
    return affectedRows(result);
  }

  /** How many sessions other than `keptSessionId` were still active. */
  async revokeAllForAccountExcept(manager: EntityManager, accountId: string, keptSessionId: string): Promise<number> {
    const result: unknown = await manager.query(
      `UPDATE session SET revoked_at = now() WHERE account_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
      [accountId, keptSessionId],
    );
    return affectedRows(result);
  }
}
