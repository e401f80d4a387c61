import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ProofOfWorkChallenge', {
  description:
    'A signed, expiring ALTCHA (v2) challenge. Solve it (find the counter whose derived key starts with keyPrefix) and send base64 of JSON { challenge, solution } as proofOfWork; each solution works once.',
})
export class ProofOfWorkChallengeType {
  @Field({ description: 'JSON { parameters, signature }, as the ALTCHA widget and solver take it.' })
  challenge!: string;

  @Field({ description: 'Key derivation of the challenge, e.g. SHA-256.' })
  algorithm!: string;

  @Field(() => Int, { description: 'The secret counter is below this number: the expected work is half of it.' })
  maxNumber!: number;

  @Field()
  expiresAt!: Date;
}
