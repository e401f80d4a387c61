import { Field, ObjectType } from '@nestjs/graphql';

/**
 * One JSON document as text rather than a GraphQL tree: the member saves it as a file,
 * and a file is what they can read, keep or hand to someone else without our schema.
 */
@ObjectType('MemberDataExport', { description: 'Everything Kindred holds about the signed-in member, as one JSON document.' })
export class MemberDataExportType {
  @Field({ description: 'A name to save the file under (it holds the date, not the pseudonym).' })
  fileName!: string;

  @Field(() => Date)
  generatedAt!: Date;

  @Field({ description: 'The document itself: JSON text with a "format" and a "version" (README, "Your data").' })
  json!: string;
}
