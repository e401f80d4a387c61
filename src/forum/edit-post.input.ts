import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString } from 'class-validator';
import './forum-enums';
import { ContentWarning } from './post-status';

/** Omitted fields stay as they are; at least one must be given. */
@InputType('EditPostInput')
export class EditPostInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'Threads only.' })
  @IsOptional()
  @IsString()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  body?: string | null;

  @Field(() => [ContentWarning], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ContentWarning).length * 2)
  @IsEnum(ContentWarning, { each: true })
  contentWarnings?: ContentWarning[] | null;
}
