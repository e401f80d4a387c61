import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/role';
import type { Pathway } from './pathway';
import type { Perspective } from './perspective';
import { RecoveryComebacksRepository } from './progress/recovery-comebacks.repository';
import { AccountsRepository } from './repositories/accounts.repository';
import { DataExportEventsRepository } from './repositories/data-export-events.repository';
import { RecoveryCodesRepository } from './repositories/recovery-codes.repository';
import { SessionDates, SessionsRepository } from './repositories/sessions.repository';

/**
 * What the account table holds about a member that its holder may take away: everything
 * but the passphrase hash and the pseudonym key (a lower-cased copy of the pseudonym).
 */
export interface AccountFields {
  id: string;
  pseudonym: string;
  role: Role;
  perspective: Perspective;
  recoveryStartDate: string | null;
  shareRecoveryDays: boolean;
  suspendedUntil: Date | null;
  bannedAt: Date | null;
  createdAt: Date;
  lastActiveOn: string | null;
  daysActive: number;
  timeZone: string;
  medicationStartDate: string | null;
  pathways: Pathway[];
}

/** A member's account as the data export gives it: no secret, nor anything derived from one. */
export interface AccountRecord {
  account: AccountFields;
  /** Dates only: a token exists only in its holder's hands, its hash must not leave the database. */
  sessions: SessionDates[];
  /** How many recovery codes still work; the codes were shown once and are kept only as hashes. */
  recoveryCodesRemaining: number;
  /** When the member downloaded their data, as the export limit still remembers (this download included). */
  dataExports: Date[];
  /** The days the member recorded coming back (progress), oldest first. */
  comebackDates: string[];
}

/** The accounts side of a member's data export, read in the caller's (snapshot) transaction. */
@Injectable()
export class AccountRecordService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly dataExports: DataExportEventsRepository,
    private readonly comebacks: RecoveryComebacksRepository,
  ) {}

  /** Null when the account no longer exists. */
  /** The IANA time zone saved on the member's profile (the day of a check-in is theirs), null for no account. */
  async timeZoneOf(accountId: string): Promise<string | null> {
    return (await this.accounts.findById(accountId))?.timeZone ?? null;
  }

  async recordOf(manager: EntityManager, accountId: string): Promise<AccountRecord | null> {
    const row = await this.accounts.findById(accountId, manager);
    if (!row) return null;
    // Field by field, so a column added to the account later stays out until someone decides it belongs here.
    const account: AccountFields = {
      id: row.id,
      pseudonym: row.pseudonym,
      role: row.role,
      perspective: row.perspective,
      recoveryStartDate: row.recoveryStartDate,
      shareRecoveryDays: row.shareRecoveryDays,
      suspendedUntil: row.suspendedUntil,
      bannedAt: row.bannedAt,
      createdAt: row.createdAt,
      lastActiveOn: row.lastActiveOn,
      daysActive: row.daysActive,
      timeZone: row.timeZone,
      medicationStartDate: row.medicationStartDate,
      pathways: row.pathways,
    };
    return {
      account,
      sessions: await this.sessions.datesOfAccount(manager, accountId),
      recoveryCodesRemaining: await this.recoveryCodes.countUnused(manager, accountId),
      dataExports: await this.dataExports.timesOf(manager, accountId),
      comebackDates: await this.comebacks.datesOf(accountId, manager),
    };
  }
}
