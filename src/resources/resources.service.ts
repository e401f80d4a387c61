import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import { isUuid } from '../common/validation/uuid';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { cleanResource, isResourceProblem, RawResource, ResourceLimits } from './resource-rules';
import type { ResourceEntity } from './resource.entity';
import { FALLBACK_LOCALE, RESOURCE_TOPICS, ResourceLocale, ResourceTopic } from './resource-vocabulary';
import { ResourcesError, resourcesErrors } from './resources.errors';
import { ResourcesRepository } from './repositories/resources.repository';

/**
 * The resource library: read by anyone, kept by admins. Every change is one transaction
 * with its audit row (the same append-only log moderators' actions go to), so who changed the
 * public help text, and when, is on record. The table's trigger empties the anonymous
 * response cache after each commit.
 */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resources: ResourcesRepository,
    private readonly audit: AuditLogService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /**
   * Active entries in the language asked for. A topic with no entry in that language is
   * given in English instead, so a reader never finds a section empty because a translation
   * is missing (each entry says its own locale, for the client to mark).
   */
  async list(locale: ResourceLocale, topics: readonly ResourceTopic[] | null): Promise<ResourceEntity[]> {
    const wanted = await this.resources.active(locale, topics);
    if (locale === FALLBACK_LOCALE) return byTopic(wanted);
    const covered = new Set(wanted.map((entry) => entry.topic));
    const fallback = (await this.resources.active(FALLBACK_LOCALE, topics)).filter((entry) => !covered.has(entry.topic));
    return byTopic([...wanted, ...fallback]);
  }

  /** Every entry, retired ones too: admins only. */
  async all(viewer: Viewer): Promise<ResourceEntity[]> {
    this.requireAdmin(viewer);
    return this.resources.all();
  }

  async create(viewer: Viewer, input: RawResource): Promise<ResourceEntity> {
    this.requireAdmin(viewer);
    const draft = this.clean(input);
    return this.dataSource.transaction(async (manager) => {
      const created = await this.resources.insert(manager, draft);
      await this.audit.record(manager, { action: 'RESOURCE_CREATED', moderatorId: viewer.accountId, note: auditNote(created) });
      return created;
    });
  }

  async update(viewer: Viewer, id: string, input: RawResource): Promise<ResourceEntity> {
    this.requireAdmin(viewer);
    const draft = this.clean(input);
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.locked(manager, id);
      // A resource moved to another topic or language goes to the end of its new list.
      const moved = entity.topic !== draft.topic || entity.locale !== draft.locale;
      Object.assign(entity, draft);
      if (moved) entity.position = await this.resources.insertPosition(manager, draft.locale, draft.topic);
      const saved = await this.resources.save(manager, entity);
      await this.audit.record(manager, { action: 'RESOURCE_UPDATED', moderatorId: viewer.accountId, note: auditNote(saved) });
      return saved;
    });
  }

  /** Retired entries are no longer shown; they stay in the table and the admins' list. `retired: false` restores one. */
  async setRetired(viewer: Viewer, id: string, retired: boolean): Promise<ResourceEntity> {
    this.requireAdmin(viewer);
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.locked(manager, id);
      if ((entity.retiredAt !== null) === retired) return entity;
      entity.retiredAt = retired ? new Date() : null;
      const saved = await this.resources.save(manager, entity);
      await this.audit.record(manager, {
        action: retired ? 'RESOURCE_RETIRED' : 'RESOURCE_RESTORED',
        moderatorId: viewer.accountId,
        note: auditNote(saved),
      });
      return saved;
    });
  }

  /** The given entries take positions in the order given (10, 20, ...); others keep theirs. */
  async reorder(viewer: Viewer, ids: readonly string[]): Promise<ResourceEntity[]> {
    this.requireAdmin(viewer);
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length !== ids.length)
      throw resourcesErrors.invalid('Give each resource once, in the new order.', 'ids');
    if (unique.length > this.config.resources.reorderMax) {
      throw resourcesErrors.invalid(`At most ${this.config.resources.reorderMax} resources can be reordered at once.`, 'ids');
    }
    if (!unique.every(isUuid)) throw resourcesErrors.notFound();
    return this.dataSource.transaction(async (manager) => {
      const found = await this.resources.lockMany(manager, unique);
      if (found.length !== unique.length) throw resourcesErrors.notFound();
      const byId = new Map(found.map((entity) => [entity.id, entity]));
      const ordered = unique.map((id, index) => Object.assign(byId.get(id) as ResourceEntity, { position: (index + 1) * 10 }));
      for (const entity of ordered) await this.resources.save(manager, entity);
      await this.audit.record(manager, {
        action: 'RESOURCES_REORDERED',
        moderatorId: viewer.accountId,
        note: `${ordered.length} resources: ${unique.join(', ')}`,
      });
      return ordered;
    });
  }

  private async locked(manager: Parameters<ResourcesRepository['lock']>[0], id: string): Promise<ResourceEntity> {
    if (!isUuid(id)) throw resourcesErrors.notFound();
    const entity = await this.resources.lock(manager, id);
    if (!entity) throw resourcesErrors.notFound();
    return entity;
  }

  private clean(input: RawResource) {
    const limits: ResourceLimits = this.config.resources;
    const draft = cleanResource(input, limits);
    if (isResourceProblem(draft)) throw new ResourcesError('INVALID_INPUT', draft.message, { field: draft.field });
    return draft;
  }

  private requireAdmin(viewer: Viewer): void {
    if (viewer.role !== Role.ADMIN) throw resourcesErrors.adminOnly();
  }
}

/** In the library's topic order (RESOURCE_TOPICS), each topic's entries by position: the order readers see. */
function byTopic(entries: ResourceEntity[]): ResourceEntity[] {
  const rank = (entry: ResourceEntity) => (RESOURCE_TOPICS as readonly string[]).indexOf(entry.topic);
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.position - b.position);
}

/** The audit row names the entry, not its words (the words are in the table, and public). */
function auditNote(entity: ResourceEntity): string {
  return `resource ${entity.id} (${entity.locale} ${entity.topic})`;
}
