import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only audit log. Ids are plain columns without foreign keys on purpose: an
 * account deletion must not rewrite history, and a trigger refuses UPDATE and DELETE.
 */
@Entity('moderation_action')
export class ModerationActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  action!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  postId!: string | null;

  /** The member acted upon (sanctions, role changes). */
  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** Who acted; null for the system (screening, sweeper, CLI). */
  @Column({ type: 'uuid', nullable: true })
  moderatorId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  internalNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
