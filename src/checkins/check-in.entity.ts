import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { PostEntity } from '../forum/post.entity';

/**
 * A member's daily check-in: private, one per member and local calendar day (the unique key
 * is the rule, so two racing requests give one row). Its words are also carried by a private
 * post (`postId`, kind CHECK_IN) so that screening, cases and on-call alerts treat them as they
 * treat any post; the row keeps the structured answers for the member's history.
 */
@Entity('check_in')
@Unique('check_in_account_day_key', ['accountId', 'localDate'])
@Check('check_in_mood_check', 'mood BETWEEN 1 AND 5')
@Index('check_in_account_created_idx', ['accountId', 'createdAt', 'id'])
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'check_in_account_id_fkey' })
  account?: Relation<AccountEntity>;

  /** The member's own calendar date (YYYY-MM-DD) in `timeZone`, computed by the server's clock. */
  @Column({ type: 'date' })
  localDate!: string;

  /** The IANA zone the day was counted in. */
  @Column({ type: 'text' })
  timeZone!: string;

  /** How today feels, 1 (very hard) to 5 (really good). */
  @Column({ type: 'smallint' })
  mood!: number;

  @Column({ type: 'text' })
  intention!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Index('check_in_post_id_idx')
  @Column({ type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'check_in_post_id_fkey' })
  post?: Relation<PostEntity>;

  /** The reply in the day's check-in thread, when the member chose to share. */
  @Index('check_in_shared_post_id_idx')
  @Column({ type: 'uuid', nullable: true })
  sharedPostId!: string | null;

  @ManyToOne(() => PostEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shared_post_id', foreignKeyConstraintName: 'check_in_shared_post_id_fkey' })
  sharedPost?: Relation<PostEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
