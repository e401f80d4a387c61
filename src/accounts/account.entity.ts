import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '../common/auth/role';
import type { Pathway } from './pathway';
import { Perspective } from './perspective';

/**
 * A pseudonymous account. By design there is no column for e-mail, phone, IP address or
 * real name: what is never stored can never leak.
 */
@Entity('account')
@Unique('account_pseudonym_key_key', ['pseudonymKey'])
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  pseudonym!: string;

  /** Lower-cased pseudonym, unique: "QuietRiver42" and "quietriver42" are one name. */
  @Column({ type: 'text' })
  pseudonymKey!: string;

  @Column({ type: 'text' })
  passphraseHash!: string;

  @Column({ type: 'text', default: Role.MEMBER })
  role!: Role;

  @Column({ type: 'text', default: Perspective.UNSPECIFIED })
  perspective!: Perspective;

  @Column({ type: 'date', nullable: true })
  recoveryStartDate!: string | null;

  @Column({ type: 'boolean', default: false })
  shareRecoveryDays!: boolean;

  /** The member's IANA time zone: their days (progress, check-ins) are whole days in it. */
  @Column({ type: 'text', default: 'UTC' })
  timeZone!: string;

  /** When the member began medication for opioid use disorder (MOUD): days on it count as recovery, always. */
  @Column({ type: 'date', nullable: true })
  medicationStartDate!: string | null;

  /** The paths the member tags themselves with (public on their Member: tagging is their choice). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pathways!: Pathway[];

  @Column({ type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  bannedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The last UTC day with a signed-in request: a date, never a time, so it links to nothing. */
  @Column({ type: 'date', nullable: true })
  lastActiveOn!: string | null;

  /** Distinct UTC days with a signed-in request; counted once a day (report standing). */
  @Column({ type: 'int', default: 0 })
  daysActive!: number;
}
