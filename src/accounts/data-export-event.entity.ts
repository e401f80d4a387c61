import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from './account.entity';

/** One download of a member's data: who and when, never what. Counted by the export limit, pruned a window later. */
@Entity('data_export_event')
@Index('data_export_event_account_created_idx', ['accountId', 'createdAt'])
export class DataExportEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'data_export_event_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
