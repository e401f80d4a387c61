import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';

/** One screenDraft call: who and when, never what. Counted by the draft-check rate limit. */
@Entity('draft_check')
@Index('draft_check_account_id_checked_at_idx', ['accountId', 'checkedAt'])
export class DraftCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'draft_check_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  checkedAt!: Date;
}
