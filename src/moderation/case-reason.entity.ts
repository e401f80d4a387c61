import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ReasonSource } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';

/** One reason a case exists: a screening finding with its span, or a member's report. */
@Entity('case_reason')
export class CaseReasonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('case_reason_case_id_idx')
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => ModerationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_reason_case_id_fkey' })
  moderationCase?: Relation<ModerationCaseEntity>;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ type: 'text' })
  source!: ReasonSource;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'text', nullable: true })
  excerpt!: string | null;

  @Column({ type: 'int', nullable: true })
  start!: number | null;

  @Column({ type: 'int', nullable: true })
  end!: number | null;

  /** The post revision screened, for screening reasons. */
  @Column({ type: 'int', nullable: true })
  revision!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
