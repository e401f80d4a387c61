import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString } from 'class-validator';
import './forum-enums';
import { ContentWarning } from './post-status';

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

  @Field(() => [ContentWarning], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ContentWarning).length * 2)
  @IsEnum(ContentWarning, { each: true })
  contentWarnings?: ContentWarning[] | null;
}
