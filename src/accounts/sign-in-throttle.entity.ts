import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts per pseudonym, kept whether or not the pseudonym exists, so that the
 * backoff itself never tells a guesser which pseudonyms are real. The key is a keyed HMAC
 * of the normalised pseudonym: whatever a person typed there is never stored.
 */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  pseudonymHmac!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Index('sign_in_throttle_last_failure_at_idx')
  @Column({ type: 'timestamptz' })
  lastFailureAt!: Date;

  /** Written by the upsert that counts an attempt, so that its RETURNING says whether the attempt may proceed. */
  @Column({ type: 'boolean', default: true })
  lastAttemptAllowed!: boolean;
}
