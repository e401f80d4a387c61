import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { AccountEntity } from './account.entity';
import { isUuid } from '../common/validation/uuid';

/** Per-request loaders of the accounts domain. */
export interface AccountLoaders {
  /** Accounts by id; null where the account no longer exists (or the id is not a uuid). */
  accountById: DataLoader<string, AccountEntity | null>;
}

/**
 * Creates the accounts loaders for one request, in the GraphQL context. One query per
 * batch (`WHERE id = ANY($1)`), whatever the number of ids.
 */
@Injectable()
export class AccountLoadersFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(_viewer: Viewer | null): AccountLoaders {
    return {
      accountById: new DataLoader<string, AccountEntity | null>((ids) => this.accountsByIds(ids)),
    };
  }

  private async accountsByIds(ids: readonly string[]): Promise<Array<AccountEntity | null>> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(AccountEntity).createQueryBuilder('account').where('account.id = ANY(:ids)', { ids: valid }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }
}

declare module '../common/graphql/loaders' {
  interface Loaders {
    accounts: AccountLoaders;
  }
}
