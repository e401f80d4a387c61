import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { afterTimeCondition, timeKeySql } from '../../common/pagination/keyset';
import { EntityRows } from '../../forum/repositories/entity-rows';
import { timeKeyedPage, Row } from '../../forum/repositories/row-values';
import { SqlParams } from '../../forum/repositories/sql-params';
import { CheckInDayEntity } from '../check-in-day.entity';
import { CheckInEntity } from '../check-in.entity';

/** Postgres 23505: the (account, local date) key already holds a check-in. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}

export type NewCheckIn = Pick<CheckInEntity, 'accountId' | 'localDate' | 'timeZone' | 'mood' | 'intention' | 'note' | 'postId'>;

/** The check_in and check_in_day tables. */
@Injectable()
export class CheckInsRepository {
  private readonly rows: EntityRows<CheckInEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new EntityRows(dataSource, CheckInEntity);
  }

  /** Inserts the day's check-in; undefined when the member already has one for that date (the unique key said so). */
  async insert(manager: EntityManager, checkIn: NewCheckIn): Promise<CheckInEntity | undefined> {
    try {
      // A savepoint, so that the unique violation leaves the caller's transaction usable.
      return await manager.transaction(async (inner) => {
        const inserted = await inner.insert(CheckInEntity, checkIn);
        const id = (inserted.identifiers[0] as { id: string }).id;
        return inner.findOneByOrFail(CheckInEntity, { id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  findByAccountDay(accountId: string, localDate: string, manager: EntityManager = this.dataSource.manager): Promise<CheckInEntity | null> {
    return manager.findOneBy(CheckInEntity, { accountId, localDate });
  }

  async setSharedPost(id: string, sharedPostId: string): Promise<void> {
    await this.dataSource.manager.update(CheckInEntity, { id }, { sharedPostId });
  }

  /** A member's check-ins, newest first: keyset over (created_at, id), one statement per page. */
  async pageByAccount(accountId: string, cursor: { time: string; id: string } | null, size: number): Promise<Page<CheckInEntity>> {
    const params = new SqlParams();
    const conditions = [`c.account_id = ${params.add(accountId, 'uuid')}`];
    if (cursor) conditions.push(afterTimeCondition('c.created_at', 'c.id', 'DESC', params.add(cursor.time), params.add(cursor.id)));
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${this.rows.select('c')}, ${timeKeySql('c.created_at')} AS "sortKey"
         FROM check_in c
        WHERE ${conditions.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT ${limit}`,
      params.values,
    )) as Row[];
    return timeKeyedPage(rows, size, (row) => this.rows.hydrate(row));
  }

  /** Every check-in of an account, oldest first: the member's data export. */
  allOfAccount(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<CheckInEntity[]> {
    return manager.find(CheckInEntity, { where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The private posts carrying an account's check-in words (deleted with the account, whatever the mode). */
  async postIdsOfAccount(manager: EntityManager, accountId: string): Promise<string[]> {
    const rows = await manager.find(CheckInEntity, { where: { accountId }, select: { postId: true } });
    return rows.map((row) => row.postId);
  }

  findDay(manager: EntityManager, day: string): Promise<CheckInDayEntity | null> {
    return manager.findOneBy(CheckInDayEntity, { day });
  }

  async insertDay(manager: EntityManager, day: string, threadId: string): Promise<void> {
    await manager.insert(CheckInDayEntity, { day, threadId });
  }
}
