import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { PostEntity } from '../forum/post.entity';
import { CasePriority, CaseStatus, Decision } from './case-vocabulary';

/**
 * One case per post at a time (the partial unique index enforces it): every screening
 * reason and every report joins it. Like Discourse's Reviewable.
 */
@Entity('moderation_case')
@Index('moderation_case_one_open_per_post', ['postId'], { unique: true, where: `status <> 'RESOLVED'` })
@Index('moderation_case_queue_idx', ['status', 'priorityRank', 'createdAt', 'id'])
@Index('moderation_case_first_claimed_idx', ['firstClaimedAt'], { where: 'first_claimed_at IS NOT NULL' })
@Index('moderation_case_resolved_idx', ['resolvedAt'], { where: 'resolved_at IS NOT NULL' })
export class ModerationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Indexed whole (not only while open): the author's past cases and cascading deletes look cases up by post. */
  @Index('moderation_case_post_id_idx')
  @Column({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'moderation_case_post_id_fkey' })
  post?: Relation<PostEntity>;

  @Column({ type: 'text' })
  priority!: CasePriority;

  /** PRIORITY_RANK[priority], stored so the queue sorts with an index. */
  @Column({ type: 'int' })
  priorityRank!: number;

  @Column({ type: 'text', default: CaseStatus.OPEN })
  status!: CaseStatus;

  @Column({ type: 'uuid', nullable: true })
  claimedById!: string | null;

  /** A deleted moderator's claim lapses; the case stays. */
  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by_id', foreignKeyConstraintName: 'moderation_case_claimed_by_id_fkey' })
  claimedBy?: Relation<AccountEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimExpiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set by the first claim and kept: the time to claim is measured to it, and on-call alerts stop at it. */
  @Column({ type: 'timestamptz', nullable: true })
  firstClaimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decision!: Decision | null;
}
