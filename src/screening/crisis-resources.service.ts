import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { CrisisResource, DEFAULT_CRISIS_RESOURCES, parseCrisisResources } from './crisis-resources';

/** Crisis resources are configuration: read once at start, so a bad file fails the start, not a crisis. */
@Injectable()
export class CrisisResourcesService {
  private readonly resources: readonly CrisisResource[];

  constructor(@Inject(KINDRED_CONFIG) config: KindredConfig) {
    const file = config.crisisResourcesFile;
    this.resources = file ? parseCrisisResources(fs.readFileSync(file, 'utf8'), file) : DEFAULT_CRISIS_RESOURCES;
  }

  list(): readonly CrisisResource[] {
    return this.resources;
  }
}
