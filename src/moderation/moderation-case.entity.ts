import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum CasePriority {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}

export enum CaseStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  RESOLVED = 'RESOLVED',
}

export enum Decision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REMOVE = 'REMOVE',
}

/** Sort weight of a priority: lower comes first in the queue. */
export const PRIORITY_RANK: Record<CasePriority, number> = {
  [CasePriority.URGENT]: 0,
  [CasePriority.HIGH]: 1,
  [CasePriority.NORMAL]: 2,
  [CasePriority.LOW]: 3,
};

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
