import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ThreadEntity } from '../forum/thread.entity';

/** The check-in thread of one UTC day: the primary key lets a day have one thread, however many instances open it. */
@Entity('check_in_day')
export class CheckInDayEntity {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'check_in_day_thread_id_fkey' })
  thread?: Relation<ThreadEntity>;
}
