import { Field, ID, ObjectType } from '@nestjs/graphql';

/** Values are SpaceEntity rows; threadCount and threads are resolved in SpacesResolver. */
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
