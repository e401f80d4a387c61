import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { DeletionMode, Perspective } from './account-enums';
import { PASSPHRASE_MAX_LENGTH } from './passphrase.service';
import type { Pathway } from './pathway';
import { PathwaysField } from './pathways.field';

/**
 * Inputs of the accounts mutations. The decorators check shape only (types, sane maximum
 * lengths); the rules with friendly messages (pseudonym format, passphrase length from
 * the configuration, dates) live in AccountsService so that they hold for every caller.
 */

/** Longer than any pseudonym can be, short enough that junk is refused before any work. */
const PSEUDONYM_INPUT_MAX = 64;
const RECOVERY_CODE_INPUT_MAX = 64;
/** A solved ALTCHA payload is a few hundred characters. */
const PROOF_OF_WORK_INPUT_MAX = 4096;
const PROOF_OF_WORK_DESCRIPTION =
  'A solved proof-of-work challenge (see proofOfWorkChallenge), needed only after an answer with extensions.proofOfWorkRequired.';

@InputType('RegisterInput')
export class RegisterInput {
  @Field(() => String, { nullable: true, description: "Omit to be given a generated pseudonym. 3-24 letters, digits, '_' or '-'." })
  @IsOptional()
  @IsString()
  @MaxLength(PSEUDONYM_INPUT_MAX)
  pseudonym?: string | null;

  @Field({ description: 'At least 12 characters.' })
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  passphrase!: string;

  @Field(() => Perspective, { nullable: true, defaultValue: Perspective.UNSPECIFIED })
  @IsOptional()
  @IsEnum(Perspective)
  perspective?: Perspective | null;

  @Field(() => String, { nullable: true, description: PROOF_OF_WORK_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(PROOF_OF_WORK_INPUT_MAX)
  proofOfWork?: string | null;
}

@InputType('SignInInput')
export class SignInInput {
  @Field()
  @IsString()
  @MaxLength(PSEUDONYM_INPUT_MAX)
  pseudonym!: string;

  @Field()
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  passphrase!: string;

  @Field(() => String, { nullable: true, description: PROOF_OF_WORK_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(PROOF_OF_WORK_INPUT_MAX)
  proofOfWork?: string | null;
}

@InputType('RecoverAccountInput')
export class RecoverAccountInput {
  @Field()
  @IsString()
  @MaxLength(PSEUDONYM_INPUT_MAX)
  pseudonym!: string;

  @Field()
  @IsString()
  @MaxLength(RECOVERY_CODE_INPUT_MAX)
  recoveryCode!: string;

  @Field()
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  newPassphrase!: string;
}

@InputType('ChangePassphraseInput')
export class ChangePassphraseInput {
  @Field()
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  currentPassphrase!: string;

  @Field({ description: 'At least 12 characters.' })
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  newPassphrase!: string;
}

@InputType('DeleteAccountInput')
export class DeleteAccountInput {
  @Field()
  @IsString()
  @MaxLength(PASSPHRASE_MAX_LENGTH)
  passphrase!: string;

  @Field(() => DeletionMode)
  @IsEnum(DeletionMode)
  mode!: DeletionMode;
}

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  /** Omitted or null: unchanged. */
  @Field(() => Perspective, { nullable: true })
  @IsOptional()
  @IsEnum(Perspective)
  perspective?: Perspective | null;

  /** Omitted: unchanged; null: cleared. */
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, or null to clear.' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  recoveryStartDate?: string | null;

  /** Omitted or null: unchanged. */
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  shareRecoveryDays?: boolean | null;

  /** Omitted or null: unchanged. */
  @Field(() => String, { nullable: true, description: 'An IANA time zone, e.g. America/Chicago: days are counted in it. Default UTC.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  /** Omitted: unchanged; null: cleared. */
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD the member began medication for opioid use disorder (MOUD), or null to clear. Days on it count as recovery.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  medicationStartDate?: string | null;

  /** Omitted or null: unchanged; [] clears. */
  @PathwaysField({ description: 'The paths the member tags themselves with, shown on their Member; [] for none.' })
  pathways?: Pathway[] | null;
}
