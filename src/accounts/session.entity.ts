import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AccountEntity } from './account.entity';

/** A sign-in. Only the SHA-256 of the bearer token is stored; the token itself is shown once. */
@Entity('session')
@Unique('session_token_hash_key', ['tokenHash'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('session_account_id_idx')
  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'session_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
