import { Field, ObjectType } from '@nestjs/graphql';
import { ScreeningCategoryEnum, ScreeningOutcomeEnum } from '../graphql/screening-enums';
import { CrisisResourceType, LanguageSuggestionType } from '../graphql/screening-feedback.type';

@ObjectType('DraftScreening', { description: 'What screening would say about a draft: nothing is stored and no case is opened.' })
export class DraftScreeningType {
  @Field(() => ScreeningOutcomeEnum)
  outcome!: ScreeningOutcomeEnum;

  @Field(() => [ScreeningCategoryEnum])
  categories!: ScreeningCategoryEnum[];

  @Field(() => [String], { description: 'Plain-words reasons (no internal rule names).' })
  reasons!: string[];

  @Field(() => [LanguageSuggestionType])
  suggestions!: LanguageSuggestionType[];

  @Field(() => [CrisisResourceType])
  crisisResources!: CrisisResourceType[];
}
