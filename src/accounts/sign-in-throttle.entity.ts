import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per pseudonym key, kept whether or not the pseudonym exists, so that
 * the backoff itself never tells a guesser which pseudonyms are real.
 */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  pseudonymKey!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Column({ type: 'timestamptz' })
  lastFailureAt!: Date;
}
