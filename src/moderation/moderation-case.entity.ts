import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CasePriority, CaseStatus, Decision } from './case-vocabulary';

/**
 * One case per post at a time (a partial unique index in the migration enforces it): every
 * screening reason and every report joins it. Like Discourse's Reviewable.
 */
@Entity('moderation_case')
@Index(['status', 'priorityRank', 'createdAt', 'id'])
export class ModerationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postId!: string;

  @Column({ type: 'text' })
  priority!: CasePriority;

  /** PRIORITY_RANK[priority], stored so the queue sorts with an index. */
  @Column({ type: 'int' })
  priorityRank!: number;

  @Column({ type: 'text', default: CaseStatus.OPEN })
  status!: CaseStatus;

  @Column({ type: 'uuid', nullable: true })
  claimedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimExpiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decision!: Decision | null;
}
