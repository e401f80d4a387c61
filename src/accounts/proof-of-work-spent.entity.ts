import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Signatures of proof-of-work challenges already used, kept until they expire so a solution works once. */
@Entity('proof_of_work_spent')
export class ProofOfWorkSpentEntity {
  @PrimaryColumn({ type: 'text' })
  signature!: string;

  @Index('proof_of_work_spent_expires_at_idx')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
