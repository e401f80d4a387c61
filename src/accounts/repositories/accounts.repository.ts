import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
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

export type ProfilePatch = Partial<
  Pick<AccountEntity, 'perspective' | 'recoveryStartDate' | 'shareRecoveryDays' | 'timeZone' | 'medicationStartDate' | 'pathways'>
>;

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

  /** Sessions, codes, reactions and notifications go with it (ON DELETE CASCADE); posts it still authors keep no author (SET NULL). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(AccountEntity, { id });
  }
}
