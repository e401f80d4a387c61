import { Injectable } from '@nestjs/common';
import { SpacesRepository } from './repositories/spaces.repository';
import { SpaceEntity } from './space.entity';

@Injectable()
export class SpacesService {
  constructor(private readonly spaces: SpacesRepository) {}

  list(): Promise<SpaceEntity[]> {
    return this.spaces.list();
  }

  bySlug(slug: string): Promise<SpaceEntity | null> {
    return this.spaces.findBySlug(slug);
  }
}
