import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeletionMode } from '../account-enums';
import { AccountEntity } from '../account.entity';
import { Perspective } from '../perspective';
import { Role } from '../../common/auth/role';
import { rowsOf, stringColumn } from '../../database/sql-result';

export interface NewAccount {
  pseudonym: string;
  pseudonymKey: string;
  passphraseHash: string;
  perspective: Perspective;
}

export type ProfilePatch = Partial<Pick<AccountEntity, 'perspective' | 'recoveryStartDate' | 'shareRecoveryDays'>>;

/** The account table. Reads default to the data source's manager; writes in a transaction take the caller's. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AccountEntity | null> {
    return manager.findOneBy(AccountEntity, { id });
  }

  findByPseudonymKey(pseudonymKey: string): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOneBy(AccountEntity, { pseudonymKey });
  }

  /** Locks the row (FOR UPDATE) until the caller's transaction ends. */
  findByPseudonymKeyForUpdate(manager: EntityManager, pseudonymKey: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { pseudonymKey }, lock: { mode: 'pessimistic_write' } });
  }

  /** One query for any number of ids (`id = ANY(...)`); ids must already be uuids. */
  findByIds(ids: readonly string[]): Promise<AccountEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('account')
      .where('account.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /** Which of these pseudonym keys are held already. */
  async takenPseudonymKeys(pseudonymKeys: readonly string[]): Promise<Set<string>> {
    if (pseudonymKeys.length === 0) return new Set();
    const rows = await this.dataSource.manager.find(AccountEntity, {
      where: { pseudonymKey: In([...pseudonymKeys]) },
      select: { pseudonymKey: true },
    });
    return new Set(rows.map((row) => row.pseudonymKey));
  }

  /** The new account's id, or null when the name is held already (the unique key decides, not a prior read). */
  async insertIfNameFree(manager: EntityManager, account: NewAccount): Promise<string | null> {
    const result: unknown = await manager.query(
      `INSERT INTO account (pseudonym, pseudonym_key, passphrase_hash, perspective) VALUES ($1, $2, $3, $4)
       ON CONFLICT (pseudonym_key) DO NOTHING RETURNING id`,
      [account.pseudonym, account.pseudonymKey, account.passphraseHash, account.perspective],
    );
    const [row] = rowsOf(result);
    return row ? stringColumn(row, 'id') : null;
  }

  async updatePassphraseHash(manager: EntityManager, id: string, passphraseHash: string): Promise<void> {
    await manager.update(AccountEntity, { id }, { passphraseHash });
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<void> {
    await this.dataSource.manager.update(AccountEntity, { id }, patch);
  }

  async updateRole(manager: EntityManager, id: string, role: Role): Promise<void> {
    await manager.update(AccountEntity, { id }, { role });
  }

  /**
   * Deletes the account and, by `mode`, its posts: ERASE every post, ANONYMIZE the unpublished
   * ones (published posts keep no author: post.author_id is ON DELETE SET NULL). Sessions,
   * codes, reactions and notifications go by ON DELETE CASCADE. The post table belongs to the
   * forum; its rows are deleted here, by table name, so that accounts imports nothing of the forum.
   */
  async deleteWithPosts(manager: EntityManager, id: string, mode: DeletionMode): Promise<void> {
    if (mode === DeletionMode.ERASE) {
      await manager.query(`DELETE FROM post WHERE author_id = $1`, [id]);
    } else {
      await manager.query(`DELETE FROM post WHERE author_id = $1 AND status <> 'PUBLISHED'`, [id]);
    }
    await manager.delete(AccountEntity, { id });
  }
}
