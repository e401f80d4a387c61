import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import type { ScreeningRecord } from '../screening/screening-record';
import { ThreadEntity } from './thread.entity';

/**
 * A thread's opening post or a reply: one table, one lifecycle. A thread's id is the id of
 * its opening post, so every post operation (edit, withdraw, react, report) takes one id.
 */
@Entity('post')
@Check('post_kind_check', `kind IN ('THREAD', 'REPLY', 'CHECK_IN')`)
@Index('post_thread_created_idx', ['threadId', 'createdAt', 'id'])
@Index('post_author_created_idx', ['authorId', 'createdAt', 'id'])
/** The sweeper's scan: only the few PENDING rows, oldest first. */
@Index('post_pending_idx', ['updatedAt'], { where: `status = 'PENDING'` })
/** The eraser's scan: only withdrawn posts whose words are still there. */
@Index('post_withdrawn_unerased_idx', ['withdrawnAt'], { where: 'withdrawn_at IS NOT NULL AND body_erased_at IS NULL' })
/** A thread's published replies, oldest first: counted from the index alone (replyCount) and paged in order. */
@Index('post_public_reply_idx', ['threadId', 'createdAt', 'id'], {
  where: `kind = 'REPLY' AND status = 'PUBLISHED' AND NOT hidden_by_reports`,
})
/** Published posts, newest last: search takes a common word's newest matches from its end. */
@Index('post_public_published_idx', ['publishedAt', 'id'], { where: `status = 'PUBLISHED' AND NOT hidden_by_reports` })
/**
 * Full-text search over published posts: a GIN index on search_vector, which @Index cannot
 * state (the migration FlatSearchAndThreadCounts has it): declared so that the schema builder
 * leaves it alone.
 */
@Index('post_search_idx', { synchronize: false })
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: PostKind;

  @Column({ type: 'uuid' })
  threadId!: string;

  /** Deferred: a thread's opening post and its thread row are inserted in one transaction, post first. */
  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'post_thread_fk' })
  thread?: Relation<ThreadEntity>;

  /** Null once the author deleted their account with ANONYMIZE. */
  @Index('post_author_id_idx')
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'post_author_id_fkey' })
  author?: Relation<AccountEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  inReplyToId!: string | null;

  @ManyToOne(() => PostEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'in_reply_to_id', foreignKeyConstraintName: 'post_in_reply_to_id_fkey' })
  inReplyTo?: Relation<PostEntity> | null;

  /** Threads only: the opening post carries the thread's title, so search covers both. */
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /**
   * The title's and body's words as search reads them, written by the trigger
   * `post_search_vector` on every insert and on every change of title or body: never read
   * into the entity nor written by it (search ranks it in SQL).
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  @Column({ type: 'text', default: PostStatus.PENDING })
  status!: PostStatus;

  /** Bumped by every edit; a screening result applies only to the revision it screened. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contentWarnings!: ContentWarning[];

  /** Hidden from everyone but author and moderators while enough reports are open. */
  @Column({ type: 'boolean', default: false })
  hiddenByReports!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  screening!: ScreeningRecord | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When the post last changed state or text; the sweeper reads it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  /** When its author withdrew it; its words are erased a retention window later. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  /** When the eraser replaced a withdrawn post's title and body. */
  @Column({ type: 'timestamptz', nullable: true })
  bodyErasedAt!: Date | null;
}
