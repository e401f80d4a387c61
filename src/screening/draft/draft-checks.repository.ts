import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DraftCheckEntity } from './draft-check.entity';

/** The draft_check log (who checked a draft and when, never what), as its account may read it. */
@Injectable()
export class DraftChecksRepository {
  /** When the account checked drafts, oldest first: what the window still holds (older rows go as the account checks again). */
  async timesOf(manager: EntityManager, accountId: string): Promise<Date[]> {
    const rows = await manager.find(DraftCheckEntity, { where: { accountId }, order: { checkedAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => row.checkedAt);
  }
}
