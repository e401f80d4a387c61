import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { SpaceEntity } from './space.entity';

/**
 * A space's public threads (opening post PUBLISHED, not hidden by reports), counted by
 * triggers on post and thread (migration FlatSearchAndThreadCounts) as posts change state:
 * threadCount reads one row instead of counting the space's threads. The app only reads it.
 * No row: none yet. Derived data: backups leave it out and a restore counts again.
 */
@Entity('space_thread_count')
export class SpaceThreadCountEntity {
  @PrimaryColumn({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'space_thread_count_space_id_fkey' })
  space?: Relation<SpaceEntity>;

  @Column({ type: 'int', default: 0 })
  publicThreads!: number;
}
