import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ScreeningRecord } from '../screening-record';
import { CrisisResource, resourcesFor } from '../crisis-resources';
import { ScreeningCategoryEnum, ScreeningOutcomeEnum } from './screening-enums';
import { CachedAsParent, PublicContent } from '../../common/graphql/cache-hints';

@PublicContent()
@ObjectType('CrisisResource')
export class CrisisResourceType {
  @Field()
  name!: string;

  @Field()
  contact!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@CachedAsParent()
@ObjectType('LanguageSuggestion', { description: 'A person-first language suggestion, private to the author.' })
export class LanguageSuggestionType {
  @Field({ description: 'The words as written.' })
  term!: string;

  @Field()
  suggestion!: string;

  @Field()
  explanation!: string;

  @Field(() => Int, { description: 'UTF-16 offsets into the body.' })
  start!: number;

  @Field(() => Int)
  end!: number;
}

@CachedAsParent()
@ObjectType('ScreeningFeedback', {
  description: 'What screening said about a post. Visible to its author and to moderators only; null for anyone else.',
})
export class ScreeningFeedbackType {
  @Field(() => ScreeningOutcomeEnum)
  outcome!: ScreeningOutcomeEnum;

  @Field(() => [ScreeningCategoryEnum])
  categories!: ScreeningCategoryEnum[];

  @Field(() => [String], { description: 'Plain-words reasons for the author (no internal rule names).' })
  reasons!: string[];

  @Field(() => [LanguageSuggestionType])
  suggestions!: LanguageSuggestionType[];

  @Field(() => [CrisisResourceType])
  crisisResources!: CrisisResourceType[];

  @Field(() => Date)
  screenedAt!: Date;
}

export function toCrisisResourceType(resource: CrisisResource): CrisisResourceType {
  return { name: resource.name, contact: resource.contact, description: resource.description, url: resource.url };
}

/** The author's view of a screening record; crisis resources only where the category calls for them. */
export function toScreeningFeedback(record: ScreeningRecord, crisisResources: readonly CrisisResource[]): ScreeningFeedbackType {
  return {
    outcome: record.outcome,
    categories: record.categories,
    reasons: record.reasons,
    suggestions: record.suggestions.map((suggestion) => ({ ...suggestion })),
    crisisResources: record.crisisResources ? resourcesFor(record.categories, crisisResources).map(toCrisisResourceType) : [],
    screenedAt: new Date(record.screenedAt),
  };
}
