import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { PostEntity } from '../forum/post.entity';
import { ModerationCaseEntity } from './moderation-case.entity';

/** A member's report of a published post; one per member and post. */
@Entity('report')
@Unique('report_post_id_reporter_id_key', ['postId', 'reporterId'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'report_post_id_fkey' })
  post?: Relation<PostEntity>;

  @Column({ type: 'uuid' })
  reporterId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'report_reporter_id_fkey' })
  reporter?: Relation<AccountEntity>;

  @Index('report_case_id_idx')
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => ModerationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'report_case_id_fkey' })
  moderationCase?: Relation<ModerationCaseEntity>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** What the reporter was told (report-answers.ts), null until the case it joined is closed. */
  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
