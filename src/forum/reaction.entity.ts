import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ReactionKind } from './reaction-kind';

@Entity('reaction')
export class ReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: ReactionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
