import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a thread has beyond its opening post (which shares its id). */
@Entity('thread')
@Index(['lastActivityAt', 'id'])
@Index(['spaceId', 'lastActivityAt', 'id'])
export class ThreadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  /** Set when the opening post or a reply is published; the feed's sort key. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt!: Date;
}
