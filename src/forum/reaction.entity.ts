import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum ReactionKind {
  SUPPORT = 'SUPPORT',
  RELATE = 'RELATE',
  GRATEFUL = 'GRATEFUL',
}

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
