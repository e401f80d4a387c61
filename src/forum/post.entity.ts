import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import type { ScreeningRecord } from '../screening/screening-record';

/**
 * A thread's opening post or a reply: one table, one lifecycle. A thread's id is the id of
 * its opening post, so every post operation (edit, withdraw, react, report) takes one id.
 */
@Entity('post')
@Index(['threadId', 'createdAt', 'id'])
@Index(['status', 'updatedAt'])
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: PostKind;

  @Column({ type: 'uuid' })
  threadId!: string;

  /** Null once the author deleted their account with ANONYMIZE. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  inReplyToId!: string | null;

  /** Threads only: the opening post carries the thread's title, so search covers both. */
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

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
