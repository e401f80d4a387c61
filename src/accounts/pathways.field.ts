import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import { Pathway, PATHWAYS } from './pathway';

/**
 * An optional `pathways: [Pathway!]` input field: known pathways only, at most twice as many
 * as there are (repeats are folded by normalizePathways). `defaultValue` as in @Field.
 */
export function PathwaysField(options: { defaultValue?: Pathway[]; description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    IsEnum(Pathway, { each: true }),
    ArrayMaxSize(PATHWAYS.length * 2),
    IsArray(),
    IsOptional(),
    Field(() => [Pathway], { nullable: true, ...options }),
  );
}
