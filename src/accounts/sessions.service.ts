import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { SessionsRepository } from './repositories/sessions.repository';

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
    private readonly repository: SessionsRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async issue(manager: EntityManager, accountId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlDays * 24 * 60 * 60 * 1000);
    const sessionId = await this.repository.insert(manager, { accountId, tokenHash: hashToken(token), expiresAt });
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
    // The lookup also counts the day as active for the account (report standing).
    const holder = await this.repository.findHolderAndCountActiveDay(hashToken(bare));
    if (!holder) return null;
    return {
      accountId: holder.accountId,
      sessionId: holder.sessionId,
      role: holder.role,
      suspendedUntil: holder.suspendedUntil,
      hiddenAuthorIds: holder.hiddenAuthorIds,
    };
  }

  /** Ends one session; true if it was still active. */
  revoke(sessionId: string, manager?: EntityManager): Promise<boolean> {
    return this.repository.revoke(sessionId, manager);
  }

  /** Ends every session of an account (recovery, bans); returns how many were active. */
  revokeAllForAccount(manager: EntityManager, accountId: string): Promise<number> {
    return this.repository.revokeAllForAccount(manager, accountId);
  }

  /** Ends every session of an account but `keptSessionId` (a passphrase change); returns how many were active. */
  revokeOthersOfAccount(manager: EntityManager, accountId: string, keptSessionId: string): Promise<number> {
    return this.repository.revokeAllForAccountExcept(manager, accountId, keptSessionId);
  }
}
