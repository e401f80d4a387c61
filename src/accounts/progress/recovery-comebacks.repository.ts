import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecoveryComebackEntity } from './recovery-comeback.entity';

/** The recovery_comeback table: a member's came-back dates. */
@Injectable()
export class RecoveryComebacksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The member's came-back dates (YYYY-MM-DD), oldest first. */
  async datesOf(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(RecoveryComebackEntity, {
      where: { accountId },
      order: { cameBackOn: 'ASC' },
    });
    return rows.map((row) => row.cameBackOn);
  }

  /** Records the day once: recording the same day again changes nothing. */
  async add(accountId: string, cameBackOn: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO recovery_comeback (account_id, came_back_on) VALUES ($1, $2::date) ON CONFLICT (account_id, came_back_on) DO NOTHING`,
      [accountId, cameBackOn],
    );
  }

  async remove(accountId: string, cameBackOn: string): Promise<void> {
    await this.dataSource.manager.delete(RecoveryComebackEntity, { accountId, cameBackOn });
  }
}
