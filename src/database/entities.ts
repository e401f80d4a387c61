import { AccountEntity } from '../accounts/account.entity';
import { ClientRateCounterEntity } from '../accounts/client-rate-counter.entity';
import { InstallationSecretEntity } from '../accounts/installation-secret.entity';
import { ProofOfWorkSpentEntity } from '../accounts/proof-of-work-spent.entity';
import { RecoveryCodeEntity } from '../accounts/recovery-code.entity';
import { SessionEntity } from '../accounts/session.entity';
import { SignInThrottleEntity } from '../accounts/sign-in-throttle.entity';
import { EditRateEventEntity } from '../forum/edit-rate-event.entity';
import { PostEntity } from '../forum/post.entity';
import { ReactionEntity } from '../forum/reaction.entity';
import { SpaceEntity } from '../forum/space.entity';
import { ThreadEntity } from '../forum/thread.entity';
import { CaseReasonEntity } from '../moderation/case-reason.entity';
import { DraftCheckEntity } from '../moderation/draft-check.entity';
import { ModerationActionEntity } from '../moderation/moderation-action.entity';
import { ModerationCaseEntity } from '../moderation/moderation-case.entity';
import { ReportEntity } from '../moderation/report.entity';
import { NotificationEntity } from '../notifications/notification.entity';

export const ENTITIES = [
  AccountEntity,
  SessionEntity,
  RecoveryCodeEntity,
  SignInThrottleEntity,
  ClientRateCounterEntity,
  ProofOfWorkSpentEntity,
  InstallationSecretEntity,
  SpaceEntity,
  PostEntity,
  ThreadEntity,
  ReactionEntity,
  EditRateEventEntity,
  NotificationEntity,
  ModerationCaseEntity,
  CaseReasonEntity,
  ReportEntity,
  ModerationActionEntity,
  DraftCheckEntity,
];
