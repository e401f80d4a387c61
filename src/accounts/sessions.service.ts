import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { Role } from '../common/auth/role';
import { SessionEntity } from './session.entity';
import { affectedRows } from './sql-result';

/** 32 random bytes in base64url, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedSession {
  /** The bearer token: returned to the member once, never stored or logged. */
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions are opaque random bearer tokens. The database holds only their SHA-256, so a
 * copy of the database cannot be used to sign in as anyone.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async issue(manager: EntityManager, accountId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlDays * 24 * 60 * 60 * 1000);
    const result = await manager.insert(SessionEntity, { accountId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
    const sessionId = (result.identifiers[0] as { id: string }).id;
    return { token, sessionId, expiresAt };
  }

  /**
   * Who holds `token`: null for a malformed, unknown, expired or revoked token and for a
   * banned account. Called once per request by the GraphQL context factory.
   */
  async viewerForToken(token: string | null | undefined): Promise<Viewer | null> {
    if (!token) return null;
    const bare = token.startsWith('Bearer ') ? token.slice(7).trim() : token.trim();
    if (!TOKEN_PATTERN.test(bare)) return null;
    // The same statement counts the day as active (report standing) at most once per UTC
    // day: only the first request of the day matches the update, and a row lock makes two
    // racing first requests count it once.
    const rows: Array<{ session_id: string; account_id: string; role: Role; suspended_until: Date | null }> = await this.dataSource.query(
      `WITH viewer AS (
         SELECT s.id AS session_id, a.id AS account_id, a.role, a.suspended_until
           FROM session s JOIN account a ON a.id = s.account_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.banned_at IS NULL
       ), active_today AS (
         UPDATE account SET days_active = days_active + 1, last_active_on = (now() AT TIME ZONE 'UTC')::date
          WHERE id = (SELECT account_id FROM viewer)
            AND (last_active_on IS NULL OR last_active_on < (now() AT TIME ZONE 'UTC')::date)
       )
       SELECT session_id, account_id, role, suspended_until FROM viewer`,
      [hashToken(bare)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      accountId: row.account_id,
      sessionId: row.session_id,
      role: row.role,
      suspendedUntil: row.suspended_until ? new Date(row.suspended_until) : null,
    };
  }

  /** Ends one session; true if it was still active. */
  async revoke(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result: unknown = await manager.query(`UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [sessionId]);
    return affectedRows(result) > 0;
  }

  /** Ends every session of an account (recovery, bans); returns how many were active. */
  async revokeAllForAccount(manager: EntityManager, accountId: string): Promise<number> {
    const result: unknown = await manager.query(`UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`, [accountId]);
    return affectedRows(result);
  }
}
