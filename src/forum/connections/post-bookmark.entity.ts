import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { PostEntity } from '../post.entity';

/**
 * A post (thread or reply) a member keeps to read later. The index is
 * (account_id, created_at DESC, post_id DESC) in the migration: @Index states no direction.
 */
@Entity('post_bookmark')
@Index('post_bookmark_account_created_idx', ['accountId', 'createdAt', 'postId'])
export class PostBookmarkEntity {
  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'post_bookmark_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'post_bookmark_post_id_fkey' })
  post?: Relation<PostEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
