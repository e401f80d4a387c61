import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SpaceEntity } from './space.entity';

@Injectable()
export class SpacesService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<SpaceEntity[]> {
    return this.dataSource.getRepository(SpaceEntity).find({ order: { position: 'ASC', slug: 'ASC' } });
  }

  bySlug(slug: string): Promise<SpaceEntity | null> {
    return this.dataSource.getRepository(SpaceEntity).findOneBy({ slug });
  }
}
