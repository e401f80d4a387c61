import { ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../common/auth/auth.guard';
import { CurrentViewer } from '../common/auth/current-viewer.decorator';
import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import { PublicContent } from '../common/graphql/cache-hints';
import { Arg } from '../common/validation/arg.decorator';
import { ScreeningFeedbackType } from '../screening/graphql/screening-feedback.type';
import { topicsForHold } from './dosing-pointer';
import type { ResourceEntity } from './resource.entity';
import { ResourceInput, ResourceType } from './resource.type';
import { FALLBACK_LOCALE, ResourceLocale, ResourceTopic } from './resource-vocabulary';
import { ResourcesService } from './resources.service';

export function toResourceType(entity: ResourceEntity): ResourceType {
  return {
    id: entity.id,
    topic: entity.topic as ResourceTopic,
    locale: entity.locale as ResourceLocale,
    title: entity.title,
    body: entity.body,
    url: entity.url,
    contact: entity.contact,
    position: entity.position,
    retired: entity.retiredAt !== null,
    updatedAt: entity.updatedAt,
  };
}

@Resolver(() => ResourceType)
export class ResourcesResolver {
  constructor(private readonly library: ResourcesService) {}

  @Query(() => [ResourceType], {
    description:
      'The resource library, readable signed out: active entries in the language asked for (English where a topic has no translation), ' +
      'by topic order, then position.',
  })
  @PublicContent()
  async resources(
    @Arg('locale', { type: () => ResourceLocale, defaultValue: FALLBACK_LOCALE }) locale: ResourceLocale,
    @Arg('topic', { type: () => ResourceTopic, nullable: true }) topic: ResourceTopic | null,
  ): Promise<ResourceType[]> {
    return (await this.library.list(locale, topic ? [topic] : null)).map(toResourceType);
  }

  @Query(() => [ResourceType], { description: 'Admins only. Every entry of the library, retired ones too.' })
  @SignedIn(Role.ADMIN)
  async resourceLibrary(@CurrentViewer() viewer: Viewer): Promise<ResourceType[]> {
    return (await this.library.all(viewer)).map(toResourceType);
  }

  @Mutation(() => ResourceType, { description: 'Admins only. Adds an entry at the end of its topic.' })
  @SignedIn(Role.ADMIN)
  async createResource(@CurrentViewer() viewer: Viewer, @Arg('input') input: ResourceInput): Promise<ResourceType> {
    return toResourceType(await this.library.create(viewer, input));
  }

  @Mutation(() => ResourceType, { description: 'Admins only. Replaces an entry’s words, link and contact.' })
  @SignedIn(Role.ADMIN)
  async updateResource(
    @CurrentViewer() viewer: Viewer,
    @Arg('id', { type: () => ID }) id: string,
    @Arg('input') input: ResourceInput,
  ): Promise<ResourceType> {
    return toResourceType(await this.library.update(viewer, id, input));
  }

  @Mutation(() => ResourceType, { description: 'Admins only. Hides an entry from readers (retired: false shows it again).' })
  @SignedIn(Role.ADMIN)
  async retireResource(
    @CurrentViewer() viewer: Viewer,
    @Arg('id', { type: () => ID }) id: string,
    @Arg('retired', { type: () => Boolean, defaultValue: true }) retired: boolean,
  ): Promise<ResourceType> {
    return toResourceType(await this.library.setRetired(viewer, id, retired));
  }

  @Mutation(() => [ResourceType], { description: 'Admins only. Gives the listed entries positions in the order given.' })
  @SignedIn(Role.ADMIN)
  async reorderResources(@CurrentViewer() viewer: Viewer, @Arg('ids', { type: () => [ID] }) ids: string[]): Promise<ResourceType[]> {
    return (await this.library.reorder(viewer, ids)).map(toResourceType);
  }
}

/**
 * What a held post's author is pointed to besides crisis resources: for a DOSING_INSTRUCTIONS
 * hold, the medication resources and the questions to ask a prescriber (dosing-pointer.ts).
 */
@Resolver(() => ScreeningFeedbackType)
export class ScreeningFeedbackResourcesResolver {
  constructor(private readonly library: ResourcesService) {}

  @ResolveField(() => [ResourceTopic], {
    description: 'Resource topics the author is pointed to (MEDICATION, PRESCRIBER_QUESTIONS for a dosing hold).',
  })
  resourceTopics(@Parent() feedback: ScreeningFeedbackType): readonly ResourceTopic[] {
    return topicsForHold(feedback.outcome, feedback.categories);
  }

  @ResolveField(() => [ResourceType], { description: 'The entries of those topics, in the language asked for.' })
  async resources(
    @Parent() feedback: ScreeningFeedbackType,
    @Arg('locale', { type: () => ResourceLocale, defaultValue: FALLBACK_LOCALE }) locale: ResourceLocale,
  ): Promise<ResourceType[]> {
    const topics = topicsForHold(feedback.outcome, feedback.categories);
    if (topics.length === 0) return [];
    return (await this.library.list(locale, topics)).map(toResourceType);
  }
}
