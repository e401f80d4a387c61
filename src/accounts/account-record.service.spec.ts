import type { EntityManager } from 'typeorm';
import { Role } from '../common/auth/role';
import { AccountEntity } from './account.entity';
import type { RecoveryComebacksRepository } from './progress/recovery-comebacks.repository';
import { AccountRecordService } from './account-record.service';
import { Perspective } from './perspective';
import type { AccountsRepository } from './repositories/accounts.repository';
import type { DataExportEventsRepository } from './repositories/data-export-events.repository';
import type { RecoveryCodesRepository } from './repositories/recovery-codes.repository';
import type { SessionsRepository } from './repositories/sessions.repository';

const MANAGER = { name: 'snapshot' } as unknown as EntityManager;
const JOINED = new Date('2026-01-01T00:00:00Z');

const ACCOUNT = Object.assign(new AccountEntity(), {
  id: 'acct-a',
  pseudonym: 'QuietRiver42',
  pseudonymKey: 'quietriver42',
  passphraseHash: '$argon2id$v=19$secret',
  role: Role.PEER_SUPPORTER,
  perspective: Perspective.FAMILY_OR_FRIEND,
  recoveryStartDate: '2025-06-01',
  shareRecoveryDays: true,
  suspendedUntil: null,
  bannedAt: null,
  createdAt: JOINED,
  lastActiveOn: '2026-12-06',
  daysActive: 40,
  timeZone: 'America/Chicago',
  medicationStartDate: '2025-05-20',
  pathways: ['MEDICATION'],
});

function service(found: AccountEntity | null) {
  const asked: string[] = [];
  const accounts: Pick<AccountsRepository, 'findById'> = {
    findById: async (id, manager) => {
      asked.push(`account ${id} ${manager === MANAGER ? 'in' : 'outside'} the snapshot`);
      return found;
    },
  };
  const sessions: Pick<SessionsRepository, 'datesOfAccount'> = {
    datesOfAccount: async (manager, accountId) => {
      asked.push(`sessions ${accountId} ${manager === MANAGER ? 'in' : 'outside'} the snapshot`);
      return [{ createdAt: JOINED, expiresAt: new Date('2026-01-31T00:00:00Z'), revokedAt: null }];
    },
  };
  const codes: Pick<RecoveryCodesRepository, 'countUnused'> = {
    countUnused: async (manager, accountId) => {
      asked.push(`codes ${accountId} ${manager === MANAGER ? 'in' : 'outside'} the snapshot`);
      return 7;
    },
  };
  const exports: Pick<DataExportEventsRepository, 'timesOf'> = {
    timesOf: async (manager, accountId) => {
      asked.push(`exports ${accountId} ${manager === MANAGER ? 'in' : 'outside'} the snapshot`);
      return [JOINED];
    },
  };
  const comebacks: Pick<RecoveryComebacksRepository, 'datesOf'> = {
    datesOf: async (accountId, manager) => {
      asked.push(`comebacks ${accountId} ${manager === MANAGER ? 'in' : 'outside'} the snapshot`);
      return ['2025-09-01'];
    },
  };
  return {
    asked,
    records: new AccountRecordService(
      accounts as AccountsRepository,
      sessions as SessionsRepository,
      codes as RecoveryCodesRepository,
      exports as DataExportEventsRepository,
      comebacks as RecoveryComebacksRepository,
    ),
  };
}

describe('AccountRecordService', () => {
  it('gives the profile and state, sessions as dates and the codes left as a count, all in the caller’s transaction', async () => {
    const { records, asked } = service(ACCOUNT);
    const record = await records.recordOf(MANAGER, 'acct-a');
    expect(record).toEqual({
      account: {
        id: 'acct-a',
        pseudonym: 'QuietRiver42',
        role: Role.PEER_SUPPORTER,
        perspective: Perspective.FAMILY_OR_FRIEND,
        recoveryStartDate: '2025-06-01',
        shareRecoveryDays: true,
        suspendedUntil: null,
        bannedAt: null,
        createdAt: JOINED,
        lastActiveOn: '2026-12-06',
        daysActive: 40,
        timeZone: 'America/Chicago',
        medicationStartDate: '2025-05-20',
        pathways: ['MEDICATION'],
      },
      sessions: [{ createdAt: JOINED, expiresAt: new Date('2026-01-31T00:00:00Z'), revokedAt: null }],
      recoveryCodesRemaining: 7,
      dataExports: [JOINED],
      comebackDates: ['2025-09-01'],
    });
    expect(asked).toEqual([
      'account acct-a in the snapshot',
      'sessions acct-a in the snapshot',
      'codes acct-a in the snapshot',
      'exports acct-a in the snapshot',
      'comebacks acct-a in the snapshot',
    ]);
  });

  it('leaves the passphrase hash and the pseudonym key behind', async () => {
    const { records } = service(ACCOUNT);
    const text = JSON.stringify(await records.recordOf(MANAGER, 'acct-a'));
    expect(text).not.toContain('argon2id');
    expect(text).not.toContain('quietriver42');
  });

  it('is null for an account that is gone, and reads nothing more', async () => {
    const { records, asked } = service(null);
    await expect(records.recordOf(MANAGER, 'acct-gone')).resolves.toBeNull();
    expect(asked).toHaveLength(1);
  });
});
