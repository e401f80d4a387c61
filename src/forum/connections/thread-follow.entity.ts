import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { ThreadEntity } from '../thread.entity';

/** A member following a thread: told of each reply published in it (FOLLOWED_THREAD_REPLY). */
@Entity('thread_follow')
@Index('thread_follow_thread_idx', ['threadId'])
export class ThreadFollowEntity {
  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'thread_follow_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_follow_thread_id_fkey' })
  thread?: Relation<ThreadEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
