import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import './forum-enums';
import { ContentWarning } from './post-status';

/**
 * The optional `contentWarnings: [ContentWarning!]` field of the post inputs: known warnings
 * only, at most twice as many as there are (the service folds repeats). `defaultValue` as
 * in @Field.
 */
export function ContentWarningsField(options: { defaultValue?: ContentWarning[] } = {}): PropertyDecorator {
  // Listed in the order stacked decorators apply (bottom up), so validation runs as before.
  return applyDecorators(
    IsEnum(ContentWarning, { each: true }),
    ArrayMaxSize(Object.keys(ContentWarning).length * 2),
    IsArray(),
    IsOptional(),
    Field(() => [ContentWarning], { nullable: true, ...options }),
  );
}
