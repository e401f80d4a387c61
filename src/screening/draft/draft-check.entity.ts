import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One screenDraft call: who and when, never what. Counted by the draft-check rate limit. */
@Entity('draft_check')
@Index('draft_check_account_id_checked_at_idx', ['accountId', 'checkedAt'])
export class DraftCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  checkedAt!: Date;
}
