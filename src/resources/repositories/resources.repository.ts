import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { ResourceDraft } from '../resource-rules';
import { ResourceEntity } from '../resource.entity';
import type { ResourceLocale, ResourceTopic } from '../resource-vocabulary';

/** The resource table. */
@Injectable()
export class ResourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active entries in one language, optionally of some topics, in the admins' order. */
  active(locale: ResourceLocale, topics: readonly ResourceTopic[] | null): Promise<ResourceEntity[]> {
    return this.dataSource.manager.find(ResourceEntity, {
      where: { locale, retiredAt: IsNull(), ...(topics ? { topic: In([...topics]) } : {}) },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every entry, retired ones too, for the admins' editor. */
  all(): Promise<ResourceEntity[]> {
    return this.dataSource.manager.find(ResourceEntity, { order: { locale: 'ASC', topic: 'ASC', position: 'ASC', id: 'ASC' } });
  }

  lock(manager: EntityManager, id: string): Promise<ResourceEntity | null> {
    return manager.findOne(ResourceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockMany(manager: EntityManager, ids: readonly string[]): Promise<ResourceEntity[]> {
    return manager.find(ResourceEntity, { where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' } });
  }

  /** The position after the last entry of a topic and language. */
  async insertPosition(manager: EntityManager, locale: string, topic: string): Promise<number> {
    const [{ next }] = (await manager.query(
      `SELECT coalesce(max(position), 0) + 10 AS next FROM resource WHERE locale = $1 AND topic = $2`,
      [locale, topic],
    )) as Array<{ next: number | string }>;
    return Number(next);
  }

  /** At the end of its topic and language. */
  async insert(manager: EntityManager, draft: ResourceDraft): Promise<ResourceEntity> {
    const position = await this.insertPosition(manager, draft.locale, draft.topic);
    return manager.save(manager.create(ResourceEntity, { ...draft, position, retiredAt: null }));
  }

  save(manager: EntityManager, entity: ResourceEntity): Promise<ResourceEntity> {
    return manager.save(entity);
  }
}
