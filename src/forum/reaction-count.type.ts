import { Field, Int, ObjectType } from '@nestjs/graphql';
import './forum-enums';
import { ReactionKind } from './reaction-kind';
import { PublicContent } from '../common/graphql/cache-hints';

@PublicContent()
@ObjectType('ReactionCount')
export class ReactionCountType {
  @Field(() => ReactionKind)
  kind!: ReactionKind;

  @Field(() => Int)
  count!: number;

  @Field()
  viewerReacted!: boolean;
}
