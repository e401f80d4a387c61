import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { SpaceEntity } from '../space.entity';

/** The space table: topic areas, seeded by migrations. */
@Injectable()
export class SpacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order operators gave them, then by slug. */
  list(): Promise<SpaceEntity[]> {
    return this.dataSource.manager.find(SpaceEntity, { order: { position: 'ASC', slug: 'ASC' } });
  }

  findBySlug(slug: string): Promise<SpaceEntity | null> {
    return this.dataSource.manager.findOneBy(SpaceEntity, { slug });
  }

  /** Reads join the caller's transaction when given its manager. */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SpaceEntity | null> {
    return manager.findOneBy(SpaceEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<SpaceEntity[]> {
    return this.dataSource.manager.findBy(SpaceEntity, { id: In([...ids]) });
  }
}
