import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';

/** One edit: who and when, never what. Counted by the edit rate limit, pruned a window later. */
@Entity('edit_rate_event')
@Index('edit_rate_event_account_created_idx', ['accountId', 'createdAt'])
export class EditRateEventEntity {
  /** A bigint: the driver hands it over as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'edit_rate_event_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
