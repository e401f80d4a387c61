import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { ThreadEntity } from '../thread.entity';

/** A thread a member muted: out of their feed, no notifications from it; still reachable directly. */
@Entity('thread_mute')
export class ThreadMuteEntity {
  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'thread_mute_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_mute_thread_id_fkey' })
  thread?: Relation<ThreadEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
