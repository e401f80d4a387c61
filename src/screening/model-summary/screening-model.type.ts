import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ScreeningCategoryEnum } from '../graphql/screening-enums';

@ObjectType('CategoryRecall')
export class CategoryRecallType {
  @Field(() => ScreeningCategoryEnum)
  category!: ScreeningCategoryEnum;

  @Field(() => Float, { nullable: true, description: 'Null when the evaluation split labels no post with the category.' })
  recall!: number | null;
}

@ObjectType('ScreeningModelFigures', { description: 'How the model did on the frozen evaluation split.' })
export class ScreeningModelFiguresType {
  @Field(() => Float, { nullable: true, description: 'Posts that should be held that the model holds.' })
  holdRecall!: number | null;

  @Field(() => Float, { nullable: true, description: 'Posts that should be published that the model holds.' })
  falseHoldRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Urgent posts (self-harm, overdose) that the model holds as urgent.' })
  urgentRecall!: number | null;

  @Field(() => [CategoryRecallType], { description: 'Every policy category, in policy order.' })
  categoryRecall!: CategoryRecallType[];
}

@ObjectType('ScreeningModel', { description: 'The trained screening model in the weights file: what it is and how it did.' })
export class ScreeningModelType {
  @Field()
  version!: string;

  @Field(() => Date)
  trainedAt!: Date;

  @Field(() => Int, { description: 'Examples it was trained on, decision examples included.' })
  examples!: number;

  @Field(() => Int, { description: "Of those, moderators' decisions." })
  decisionExamples!: number;

  @Field(() => ScreeningModelFiguresType)
  figures!: ScreeningModelFiguresType;
}
