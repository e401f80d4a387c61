import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Pathway } from '../accounts/pathway';
import { PostEntity } from './post.entity';
import { SpaceEntity } from './space.entity';

/**
 * What a thread has beyond its opening post (which shares its id).
 * The feed indexes are (… DESC, id DESC) in the migration; @Index cannot state a direction,
 * and a B-tree read backwards serves the same newest-first order.
 */
@Entity('thread')
@Index('thread_activity_idx', ['lastActivityAt', 'id'])
@Index('thread_space_activity_idx', ['spaceId', 'lastActivityAt', 'id'])
/** GIN over pathways (the feed's pathway filter), declared in the migration. */
@Index('thread_pathways_idx', { synchronize: false })
export class ThreadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @OneToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'thread_id_fkey' })
  openingPost?: Relation<PostEntity>;

  @Column({ type: 'uuid' })
  spaceId!: string;

  /** A space that still holds threads cannot be deleted. */
  @ManyToOne(() => SpaceEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'thread_space_id_fkey' })
  space?: Relation<SpaceEntity>;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  /** Set when the opening post or a reply is published; the feed's sort key. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt!: Date;

  /**
   * The pathways the author chose when starting the thread; none unless chosen (a thread is
   * about its story, not its author's tags: a parent on a 12-step path may ask about MOUD).
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pathways!: Pathway[];
}
