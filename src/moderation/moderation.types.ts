import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.type';
import { enumOf } from '../common/vocabulary/enum-of';
import { SEVERITIES, type Severity } from '../screening/engine/vocabulary';
import { ScreeningCategoryEnum } from '../screening/graphql/screening-enums';
import { CasePriority, CaseStatus, Decision, ReasonSource } from './case-vocabulary';
import type { PriorityReviewTimes } from './repositories/moderation-cases.repository';
import { ReportReason } from './report-rules';
import { Sanction } from './sanction-rules';

export const SeverityEnum = enumOf(SEVERITIES);
export type SeverityEnum = Severity;

registerEnumType(CasePriority, { name: 'CasePriority' });
registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(ReasonSource, { name: 'ReasonSource' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(Decision, { name: 'Decision' });
registerEnumType(Sanction, { name: 'Sanction' });
registerEnumType(ReportReason, { name: 'ReportReason' });

/** Values: CaseReasonEntity rows. */
@ObjectType('CaseReason')
export class CaseReasonType {
  @Field(() => ScreeningCategoryEnum)
  category!: ScreeningCategoryEnum;

  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  @Field(() => ReasonSource)
  source!: ReasonSource;

  @Field({ description: 'One line for moderators: which rule or report, and why.' })
  detail!: string;

  @Field(() => String, { nullable: true, description: 'The matched words, where there are any.' })
  excerpt!: string | null;

  @Field(() => Int, { nullable: true })
  start!: number | null;

  @Field(() => Int, { nullable: true })
  end!: number | null;

  @Field(() => Int, { nullable: true, description: 'The post revision screened (screening reasons only).' })
  revision!: number | null;

  @Field(() => Date)
  createdAt!: Date;
}

/** Values: ModerationActionEntity rows; `moderator` is resolved from moderatorId. */
@ObjectType('ModerationAction')
export class ModerationActionType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. CLAIM, RELEASE, APPROVE, REJECT, REQUEST_CHANGES, REMOVE, WARN, SUSPEND, BAN, LOCK, UNLOCK' })
  action!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Moderators only: the internal note of a decision.' })
  internalNote!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

/**
 * Values: ModerationCaseEntity rows. post, status, reasons, reportCount, claimedBy,
 * claimExpiresAt, author and history are resolved in ModerationCaseResolver.
 */
@ObjectType('ModerationCase')
export class ModerationCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => CasePriority)
  priority!: CasePriority;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Decision, { nullable: true })
  decision!: Decision | null;
}

export const ModerationCaseConnection = Connection(ModerationCaseType, 'ModerationCase');

@ObjectType('PriorityReviewTimes')
export class PriorityReviewTimesType {
  @Field(() => CasePriority)
  priority!: CasePriority;

  @Field(() => Int, { description: 'Open now with no live claim.' })
  waiting!: number;

  @Field(() => Date, { nullable: true })
  oldestWaitingSince!: Date | null;

  @Field(() => Int, { description: 'Cases first claimed within the window.' })
  claimed!: number;

  @Field(() => Float, { nullable: true, description: 'Seconds from opening to first claim: the median over the window.' })
  medianSecondsToClaim!: number | null;

  @Field(() => Float, { nullable: true, description: 'Seconds from opening to first claim: the 90th percentile over the window.' })
  p90SecondsToClaim!: number | null;

  @Field(() => Int, { description: 'Cases a moderator decided within the window.' })
  decided!: number;

  @Field(() => Float, { nullable: true })
  medianSecondsToDecision!: number | null;

  @Field(() => Float, { nullable: true })
  p90SecondsToDecision!: number | null;
}

@ObjectType('ModerationStats')
export class ModerationStatsType {
  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  urgentOpen!: number;

  @Field(() => Date, { nullable: true })
  oldestOpenAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median seconds from a case opening to its decision, over the window (default the last 7 days).',
  })
  medianSecondsToDecision!: number | null;

  @Field(() => Int, { description: 'The window the times cover, in hours.' })
  windowHours!: number;

  @Field(() => [PriorityReviewTimesType], {
    description: 'Per priority, most urgent first: how many wait now, and how fast cases were claimed and decided.',
  })
  byPriority!: PriorityReviewTimes[];
}

@InputType('ResolveCaseInput')
export class ResolveCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => String, { nullable: true, description: 'Shown to the author.' })
  noteToAuthor?: string | null;

  @Field(() => String, { nullable: true, description: 'Moderators only.' })
  internalNote?: string | null;
}

@InputType('SanctionInput')
export class SanctionInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Sanction)
  sanction!: Sanction;

  @Field(() => Int, { nullable: true, description: 'SUSPEND only.' })
  days?: number | null;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The case that led to the sanction, for its history.' })
  caseId?: string | null;
}

@InputType('LiftSanctionInput')
export class LiftSanctionInput {
  @Field(() => ID)
  memberId!: string;

  @Field({ description: 'Why the suspension or ban ends early; recorded in the audit log.' })
  reason!: string;
}

@InputType('ReportInput')
export class ReportInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
