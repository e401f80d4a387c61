import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationKind {
  POST_PUBLISHED = 'POST_PUBLISHED',
  POST_HELD = 'POST_HELD',
  POST_REJECTED = 'POST_REJECTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  POST_REMOVED = 'POST_REMOVED',
  NEW_REPLY = 'NEW_REPLY',
  MODERATOR_WARNING = 'MODERATOR_WARNING',
  ACCOUNT_SUSPENDED = 'ACCOUNT_SUSPENDED',
}

@Entity('notification')
@Index(['accountId', 'createdAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'uuid', nullable: true })
  postId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
