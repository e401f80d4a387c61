import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import './forum-enums';
import { ReactionKind } from './reaction-kind';

@InputType('ReactInput')
export class ReactInput {
  @Field(() => ID)
  @IsString()
  postId!: string;

  @Field(() => ReactionKind)
  @IsEnum(ReactionKind)
  kind!: ReactionKind;
}
