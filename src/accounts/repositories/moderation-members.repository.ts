import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from '../account.entity';
import { isRole, Role } from '../../common/auth/role';

/** The two columns a sanction changes on an account. */
export interface SanctionState {
  suspendedUntil?: Date | null;
  bannedAt?: Date | null;
}

/**
 * What moderation may read and change of the accounts' tables (account, session): members
 * to sanction, the live queue's session check, and one write, `writeSanctionState`. Accounts
 * own their tables, so moderation reaches them only through this repository.
 */
@Injectable()
export class ModerationMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The member's account under a row lock: concurrent sanctions on one member go one at a time. */
  lockMember(manager: EntityManager, memberId: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
  }

  findMember(memberId: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ id: memberId });
  }

  /** THE write of moderation to the account table: a suspension's end and a ban's time (null lifts them). */
  async writeSanctionState(manager: EntityManager, memberId: string, state: SanctionState): Promise<void> {
    await manager.update(AccountEntity, { id: memberId }, state);
  }

  /** The role behind a session that is live (not revoked, not expired) and whose account is not banned; null otherwise. */
  async liveSessionRole(sessionId: string): Promise<Role | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.role FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.banned_at IS NULL`,
      [sessionId],
    )) as Array<{ role: unknown }>;
    const role = rows[0]?.role;
    return typeof role === 'string' && isRole(role) ? role : null;
  }
}
