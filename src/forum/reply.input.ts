import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { ContentWarningsField } from './content-warnings.field';
import type { ContentWarning } from './post-status';

@InputType('ReplyInput')
export class ReplyInput {
  @Field(() => ID)
  @IsString()
  threadId!: string;

  @Field()
  @IsString()
  body!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  inReplyToId?: string | null;

  @ContentWarningsField({ defaultValue: [] })
  contentWarnings?: ContentWarning[] | null;
}
