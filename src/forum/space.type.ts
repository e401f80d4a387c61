import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PublicContent } from '../common/graphql/cache-hints';

/** Values are SpaceEntity rows; threadCount and threads are resolved in SpacesResolver. */
@PublicContent()
@ObjectType('Space')
export class SpaceType {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;
}
