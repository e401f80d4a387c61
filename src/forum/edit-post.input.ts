import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { ContentWarningsField } from './content-warnings.field';
import type { ContentWarning } from './post-status';

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

  @ContentWarningsField()
  contentWarnings?: ContentWarning[] | null;
}
