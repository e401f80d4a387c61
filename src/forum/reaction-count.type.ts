import { Field, Int, ObjectType } from '@nestjs/graphql';
import './forum-enums';
import { ReactionKind } from './reaction-kind';

@ObjectType('ReactionCount')
export class ReactionCountType {
  @Field(() => ReactionKind)
  kind!: ReactionKind;

  @Field(() => Int)
  count!: number;

  @Field()
  viewerReacted!: boolean;
}
