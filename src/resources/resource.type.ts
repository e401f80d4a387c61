import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { PublicContent } from '../common/graphql/cache-hints';
import { ResourceLocale, ResourceTopic } from './resource-vocabulary';

registerEnumType(ResourceTopic, {
  name: 'ResourceTopic',
  valuesMap: {
    CRISIS: { description: 'Emergencies and crisis lines.' },
    MEDICATION: { description: 'Medications for opioid use disorder (MOUD) and where to get them.' },
    PRESCRIBER_QUESTIONS: { description: 'Questions to ask a prescriber about MOUD.' },
    NALOXONE: { description: 'Naloxone and how to respond to an overdose.' },
    TEST_STRIPS: { description: 'Fentanyl test strips and using more safely.' },
    TREATMENT: { description: 'Finding treatment (FindTreatment.gov, the SAMHSA National Helpline).' },
    FAMILY_SUPPORT: { description: 'Support for families and friends.' },
  },
});
registerEnumType(ResourceLocale, { name: 'ResourceLocale', description: 'The language a resource is written in.' });

/** An entry of the resource library: public words, the same for every reader. */
@PublicContent()
@ObjectType('Resource')
export class ResourceType {
  @Field(() => ID)
  id!: string;

  @Field(() => ResourceTopic)
  topic!: ResourceTopic;

  @Field(() => ResourceLocale, { description: 'The language it is written in (English when no translation exists yet).' })
  locale!: ResourceLocale;

  @Field()
  title!: string;

  @Field({ description: 'Plain text; line breaks separate paragraphs and list items.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link, if any.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'A phone number or short way to reach someone, if any.' })
  contact!: string | null;

  @Field(() => Int, { description: 'Order within its topic and language, lowest first.' })
  position!: number;

  @Field({ description: 'Retired entries are shown to admins only.' })
  retired!: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

/** Types only here; lengths and the URL's scheme are checked by the service (resource-rules.ts). */
@InputType('ResourceInput')
export class ResourceInput {
  @Field(() => ResourceTopic)
  @IsString()
  topic!: ResourceTopic;

  @Field(() => ResourceLocale)
  @IsString()
  locale!: ResourceLocale;

  @Field()
  @IsString()
  title!: string;

  @Field()
  @IsString()
  body!: string;

  @Field(() => String, { nullable: true, description: 'https:// or http:// only; empty for none.' })
  @IsOptional()
  @IsString()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  contact?: string | null;
}
