import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString } from 'class-validator';
import './forum-enums';
import { ContentWarning } from './post-status';

/** Types only here; lengths (after trimming, against the configured limits) are checked by the service. */
@InputType('StartThreadInput')
export class StartThreadInput {
  @Field(() => ID)
  @IsString()
  spaceId!: string;

  @Field({ description: '1-140 characters.' })
  @IsString()
  title!: string;

  @Field({ description: '1-20,000 characters.' })
  @IsString()
  body!: string;

  @Field(() => [ContentWarning], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ContentWarning).length * 2)
  @IsEnum(ContentWarning, { each: true })
  contentWarnings?: ContentWarning[] | null;
}
