import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { PostEntity } from './post.entity';
import { ReactionKind } from './reaction-kind';

@Entity('reaction')
export class ReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'reaction_post_id_fkey' })
  post?: Relation<PostEntity>;

  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'reaction_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'text' })
  kind!: ReactionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
