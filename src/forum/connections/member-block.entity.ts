import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';

/**
 * One member (blocker) blocking another (blocked). The effect is symmetric: the forum hides
 * each from the other (Viewer.hiddenAuthorIds), and neither is notified about the other. Only
 * the blocker can see or lift the block; nothing tells the blocked member.
 */
@Entity('member_block')
@Check('member_block_not_self', `blocker_id <> blocked_id`)
@Index('member_block_blocked_idx', ['blockedId'])
export class MemberBlockEntity {
  @PrimaryColumn({ type: 'uuid' })
  blockerId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id', foreignKeyConstraintName: 'member_block_blocker_id_fkey' })
  blocker?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'uuid' })
  blockedId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocked_id', foreignKeyConstraintName: 'member_block_blocked_id_fkey' })
  blocked?: Relation<AccountEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
