import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { PathwaysField } from '../accounts/pathways.field';
import type { Pathway } from '../accounts/pathway';
import { ContentWarningsField } from './content-warnings.field';
import type { ContentWarning } from './post-status';

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

  @ContentWarningsField({ defaultValue: [] })
  contentWarnings?: ContentWarning[] | null;

  /** None unless chosen: see ThreadEntity.pathways. */
  @PathwaysField({ defaultValue: [] })
  pathways?: Pathway[] | null;
}
