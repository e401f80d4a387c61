import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AccountEntity } from '../account.entity';

/**
 * A day a member came back to recovery, as they recorded it. It begins a new current stretch
 * and takes nothing from their total days. Private to the member; gone with the account.
 */
@Entity('recovery_comeback')
@Unique('recovery_comeback_account_day_key', ['accountId', 'cameBackOn'])
export class RecoveryComebackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'recovery_comeback_account_id_fkey' })
  account?: Relation<AccountEntity>;

  /** YYYY-MM-DD in the member's own calendar. */
  @Column({ type: 'date' })
  cameBackOn!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
