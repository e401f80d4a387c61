import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ContentWarning } from '../post-status';
import { ContentPreferenceEntity } from './content-preference.entity';
import type { WarningDisplay } from './warning-display';

/** The content_preference table. The HIDE rows are read by the list queries (post-visibility.ts), in SQL. */
@Injectable()
export class ContentPreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async of(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ warning: ContentWarning; display: WarningDisplay }>> {
    const rows = await manager.find(ContentPreferenceEntity, { where: { accountId }, order: { warning: 'ASC' } });
    return rows.map((row) => ({ warning: row.warning, display: row.display }));
  }

  async set(accountId: string, warning: ContentWarning, display: WarningDisplay): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO content_preference (account_id, warning, display) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, warning) DO UPDATE SET display = EXCLUDED.display`,
      [accountId, warning, display],
    );
  }

  async clear(accountId: string, warning: ContentWarning): Promise<void> {
    await this.dataSource.manager.delete(ContentPreferenceEntity, { accountId, warning });
  }
}
