import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { ModerationCaseEntity } from '../moderation-case.entity';

/**
 * The on-call alerts a case has had: how many, the last one (the next waits a repeat
 * interval after it), and whether the "claimed" follow-up went out. Kept in the database, not
 * in one process's memory, so several instances share one schedule.
 */
@Entity('case_alert')
@Index('case_alert_awaiting_follow_up_idx', ['caseId'], { where: 'followed_up_at IS NULL' })
export class CaseAlertEntity {
  @PrimaryColumn({ type: 'uuid' })
  caseId!: string;

  @OneToOne(() => ModerationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_alert_case_id_fkey' })
  case?: Relation<ModerationCaseEntity>;

  @Column({ type: 'int', default: 0 })
  alertsSent!: number;

  @Column({ type: 'timestamptz' })
  lastAlertedAt!: Date;

  /** Cleared by a new alert: a claim that lapses and is taken again earns a new follow-up. */
  @Column({ type: 'timestamptz', nullable: true })
  followedUpAt!: Date | null;
}
