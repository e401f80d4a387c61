import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { loadConfig } from '../config/config';
import type { AuditLogService } from '../audit/audit-log.service';
import { AccountEntity } from './account.entity';
import { Perspective } from './perspective';
import { Role } from '../common/auth/role';
import { AccountsService } from './accounts.service';
import type { ClientKeyService } from './client-key.service';
import type { ClientRateLimitService } from './client-rate-limit.service';
import { PassphraseService } from './passphrase.service';
import type { ProofOfWorkService } from './proof-of-work.service';
import { pseudonymKey } from './pseudonym-generator';
import type { RecoveryCodesService } from './recovery-codes.service';
import type { AccountsRepository, NewAccount, ProfilePatch } from './repositories/accounts.repository';
import type { SessionsService } from './sessions.service';
import type { Reservation, SignInThrottleService } from './sign-in-throttle.service';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a brand new passphrase';
const SOLVED = 'a solved proof of work';

/** Accounts in memory, unique by pseudonym key as the account table is. */
class FakeAccounts {
  readonly rows = new Map<string, AccountEntity>();
  readonly deleted: string[] = [];
  /** How many of the next inserts find their name taken (a generated name colliding). */
  collisions = 0;

  add(pseudonym: string, fields: Partial<AccountEntity> = {}): AccountEntity {
    const account = Object.assign(new AccountEntity(), {
      id: `00000000-0000-4000-8000-${String(this.rows.size + 1).padStart(12, '0')}`,
      pseudonym,
      pseudonymKey: pseudonymKey(pseudonym),
      passphraseHash: `hashed:${PASSPHRASE}`,
      role: Role.MEMBER,
      perspective: Perspective.UNSPECIFIED,
      recoveryStartDate: null,
      shareRecoveryDays: false,
      suspendedUntil: null,
      bannedAt: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      lastActiveOn: null,
      daysActive: 0,
      ...fields,
    });
    this.rows.set(account.id, account);
    return account;
  }

  byKey(key: string): AccountEntity | null {
    return [...this.rows.values()].find((account) => account.pseudonymKey === key) ?? null;
  }

  readonly repository = {
    findById: async (id: string) => this.rows.get(id) ?? null,
    findByPseudonymKey: async (key: string) => this.byKey(key),
    findByPseudonymKeyForUpdate: async (_manager: EntityManager, key: string) => this.byKey(key),
    takenPseudonymKeys: async (keys: readonly string[]) => new Set(keys.filter((key) => this.byKey(key) !== null)),
    insertIfNameFree: async (_manager: EntityManager, account: NewAccount) => {
      if (this.collisions > 0) {
        this.collisions--;
        return null;
      }
      if (this.byKey(account.pseudonymKey)) return null;
      return this.add(account.pseudonym, { passphraseHash: account.passphraseHash, perspective: account.perspective }).id;
    },
    updatePassphraseHash: async (_manager: EntityManager, id: string, passphraseHash: string) => {
      Object.assign(this.rows.get(id)!, { passphraseHash });
    },
    updateProfile: async (id: string, patch: ProfilePatch) => {
      Object.assign(this.rows.get(id)!, patch);
    },
    updateRole: async (_manager: EntityManager, id: string, role: Role) => {
      Object.assign(this.rows.get(id)!, { role });
    },
    delete: async (_manager: EntityManager, id: string) => {
      this.rows.delete(id);
      this.deleted.push(id);
    },
  };
}

function setUp(env: Record<string, string> = {}) {
  const config = loadConfig(env);
  const accounts = new FakeAccounts();
  const manager = {} as EntityManager;
  // Transactions run their callback at once: what they guard (atomicity, locks) is the repositories' and Postgres' job.
  const dataSource = {
    manager,
    transaction: async <T>(work: (transactional: EntityManager) => Promise<T>) => work(manager),
  } as unknown as DataSource;

  // Passphrases keep their real rules; hashing is made instant.
  const passphrases = new PassphraseService(config);
  const hash = jest.spyOn(passphrases, 'hash').mockImplementation(async (passphrase) => `hashed:${passphrase}`);
  jest.spyOn(passphrases, 'verify').mockImplementation(async (stored, passphrase) => stored === `hashed:${passphrase}`);
  jest.spyOn(passphrases, 'verifyDummy').mockImplementation(async () => false);

  const sessionsIssued: string[] = [];
  const sessionsEnded: string[] = [];
  const sessions = {
    issue: async (_manager: EntityManager, accountId: string) => {
      sessionsIssued.push(accountId);
      return { token: `token-${sessionsIssued.length}`, sessionId: `session-${sessionsIssued.length}`, expiresAt: new Date() };
    },
    revoke: async () => true,
    revokeAllForAccount: async (_manager: EntityManager, accountId: string) => {
      sessionsEnded.push(accountId);
      return 1;
    },
    revokeOthersOfAccount: async (_manager: EntityManager, accountId: string, keptSessionId: string) => {
      sessionsEnded.push(`${accountId} but ${keptSessionId}`);
      return 2;
    },
  } as unknown as SessionsService;

  const codes = new Map<string, Set<string>>();
  let codeSets = 0;
  const recoveryCodes = {
    issue: async (_manager: EntityManager, accountId: string) => {
      const set = [`code-${++codeSets}-a`, `code-${codeSets}-b`];
      codes.set(accountId, new Set(set));
      return set;
    },
    consume: async (_manager: EntityManager, accountId: string, typed: string) => codes.get(accountId)?.delete(typed) ?? false,
  } as unknown as RecoveryCodesService;

  const throttleState = {
    blockedUntil: null as Date | null,
    reservations: [] as Array<{ key: string; bypass: boolean }>,
    resets: [] as string[],
  };
  const throttle = {
    keyFor: async (pseudonym: string) => `key:${pseudonymKey(pseudonym)}`,
    reserve: async (key: string, bypass = false): Promise<Reservation> => {
      throttleState.reservations.push({ key, bypass });
      const until = throttleState.blockedUntil;
      return until && !bypass ? { allowed: false, blockedUntil: until } : { allowed: true };
    },
    reset: async (key: string) => {
      throttleState.resets.push(key);
    },
  } as unknown as SignInThrottleService;

  const auditEntries: unknown[] = [];
  const audit = { record: async (_manager: EntityManager, entry: unknown) => void auditEntries.push(entry) } as unknown as AuditLogService;
  const clientKeys = { keyFor: () => 'client-without-address' } as unknown as ClientKeyService;
  const registrations = new Map<string, number>();
  const clientLimits = {
    count: async (clientKey: string) => {
      registrations.set(clientKey, (registrations.get(clientKey) ?? 0) + 1);
      return { count: registrations.get(clientKey)!, retryAfterSeconds: 1800 };
    },
  } as unknown as ClientRateLimitService;
  const proofOfWork = { spend: async (payload: string | null | undefined) => payload === SOLVED } as unknown as ProofOfWorkService;

  const service = new AccountsService(
    dataSource,
    accounts.repository as unknown as AccountsRepository,
    passphrases,
    sessions,
    recoveryCodes,
    throttle,
    audit,
    clientKeys,
    clientLimits,
    proofOfWork,
    config,
  );
  /** One code of a fresh set for the account, as registration would have shown it. */
  const codeFor = async (account: AccountEntity) => (await recoveryCodes.issue(manager, account.id))[0];
  return { service, accounts, hash, sessionsIssued, sessionsEnded, codeFor, throttleState, auditEntries };
}

function viewerOf(account: AccountEntity): Viewer {
  return { accountId: account.id, sessionId: 'session-0', role: account.role, suspendedUntil: null };
}

describe('AccountsService', () => {
  describe('register', () => {
    it('gives a new member a session, recovery codes and the chosen name, keeping only a hash of the passphrase', async () => {
      const { service, accounts } = setUp();
      const registered = await service.register({
        pseudonym: 'QuietRiver42',
        passphrase: PASSPHRASE,
        perspective: Perspective.IN_RECOVERY,
      });
      expect(registered).toMatchObject({
        token: 'token-1',
        recoveryCodes: ['code-1-a', 'code-1-b'],
        account: { pseudonym: 'QuietRiver42', perspective: Perspective.IN_RECOVERY },
      });
      expect(accounts.byKey('quietriver42')?.passphraseHash).toBe(`hashed:${PASSPHRASE}`);
    });

    it('refuses a name already held, whatever its case, before hashing the passphrase', async () => {
      const { service, accounts, hash } = setUp();
      accounts.add('QuietRiver42');
      await expect(service.register({ pseudonym: 'quietriver42', passphrase: PASSPHRASE })).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'PSEUDONYM_TAKEN' },
      });
      expect(hash).not.toHaveBeenCalled();
    });

    it('refuses a name that is not allowed, and a short passphrase', async () => {
      const { service, accounts } = setUp();
      await expect(service.register({ pseudonym: 'has space', passphrase: PASSPHRASE })).rejects.toMatchObject({
        details: { reason: 'PSEUDONYM_INVALID' },
      });
      await expect(service.register({ pseudonym: 'QuietRiver42', passphrase: 'too short' })).rejects.toMatchObject({
        details: { reason: 'PASSPHRASE_TOO_SHORT' },
      });
      expect(accounts.rows.size).toBe(0);
    });

    it('generates a name when none is chosen, trying another when one is taken, and gives up after twenty', async () => {
      const lucky = setUp();
      lucky.accounts.collisions = 3;
      const registered = await lucky.service.register({ passphrase: PASSPHRASE });
      expect(registered.account.pseudonym).toMatch(/^[A-Za-z0-9_]+$/);

      const unlucky = setUp();
      unlucky.accounts.collisions = 20;
      await expect(unlucky.service.register({ passphrase: PASSPHRASE })).rejects.toThrow('could not find a free generated pseudonym');
    });

    it('asks a client over its registration limit for proof of work, and lets it through with a solved one', async () => {
      const { service } = setUp({ REGISTRATIONS_PER_CLIENT: '1' });
      await service.register({ passphrase: PASSPHRASE }, 'client-a');
      await expect(service.register({ passphrase: PASSPHRASE }, 'client-a')).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        details: { reason: 'REGISTRATION_LIMITED', proofOfWorkRequired: true, retryAfterSeconds: 1800 },
      });
      await expect(service.register({ passphrase: PASSPHRASE, proofOfWork: 'forged' }, 'client-a')).rejects.toThrow(
        /proof of work sent was not valid/,
      );
      await expect(service.register({ passphrase: PASSPHRASE, proofOfWork: SOLVED }, 'client-a')).resolves.toMatchObject({
        token: expect.any(String),
      });
      await expect(service.register({ passphrase: PASSPHRASE }, 'client-b')).resolves.toMatchObject({ token: expect.any(String) });
    });
  });

  describe('signIn', () => {
    it('signs in with the right passphrase, whatever the case of the name, and clears the failure count', async () => {
      const { service, accounts, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(service.signIn('QUIETRIVER42', PASSPHRASE)).resolves.toMatchObject({ token: 'token-1', account: { id: account.id } });
      expect(throttleState.resets).toEqual(['key:quietriver42']);
    });

    it('gives the same refusal for a wrong passphrase and an unknown name, and keeps the failure counted', async () => {
      const { service, accounts, throttleState } = setUp();
      accounts.add('QuietRiver42');
      const wrong = service.signIn('QuietRiver42', 'not the passphrase at all');
      await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'BAD_CREDENTIALS' } });
      await expect(service.signIn('NobodyHere7', PASSPHRASE)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'BAD_CREDENTIALS' },
      });
      expect(throttleState.reservations).toHaveLength(2);
      expect(throttleState.resets).toEqual([]);
    });

    it("refuses a banned account's sign-in with BANNED, even with the right passphrase, and issues no session", async () => {
      const { service, accounts, sessionsIssued } = setUp();
      accounts.add('QuietRiver42', { bannedAt: new Date('2026-11-01T00:00:00Z') });
      await expect(service.signIn('QuietRiver42', PASSPHRASE)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'BANNED' } });
      expect(sessionsIssued).toEqual([]);
    });

    it('while the name is blocked, refuses without checking the passphrase and says until when, unless proof of work is solved', async () => {
      const { service, accounts, throttleState, sessionsIssued } = setUp();
      accounts.add('QuietRiver42');
      const until = new Date(Date.now() + 90_000);
      throttleState.blockedUntil = until;
      await expect(service.signIn('QuietRiver42', PASSPHRASE)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        details: { reason: 'THROTTLED', retryAt: until.toISOString(), proofOfWorkRequired: true, retryAfterSeconds: expect.any(Number) },
      });
      await expect(service.signIn('QuietRiver42', PASSPHRASE, 'forged')).rejects.toThrow(/proof of work sent was not valid/);
      expect(sessionsIssued).toEqual([]);
      await expect(service.signIn('QuietRiver42', PASSPHRASE, SOLVED)).resolves.toMatchObject({ token: expect.any(String) });
    });

    it('refuses what cannot be a pseudonym (an e-mail address) before counting anything', async () => {
      const { service, throttleState } = setUp();
      await expect(service.signIn('me@example.org', PASSPHRASE)).rejects.toMatchObject({ details: { reason: 'PSEUDONYM_INVALID' } });
      expect(throttleState.reservations).toEqual([]);
    });
  });

  describe('recoverAccount', () => {
    it('sets the new passphrase, ends every other session and replaces the codes', async () => {
      const { service, accounts, sessionsEnded, codeFor } = setUp();
      const account = accounts.add('QuietRiver42');
      const recovered = await service.recoverAccount('quietriver42', await codeFor(account), NEW_PASSPHRASE);
      expect(recovered).toMatchObject({ account: { id: account.id }, token: expect.any(String), recoveryCodes: expect.any(Array) });
      expect(sessionsEnded).toEqual([account.id]);
      await expect(service.signIn('QuietRiver42', NEW_PASSPHRASE)).resolves.toMatchObject({ account: { id: account.id } });
      await expect(service.signIn('QuietRiver42', PASSPHRASE)).rejects.toMatchObject({ details: { reason: 'BAD_CREDENTIALS' } });
    });

    it('refuses a recovery code used twice', async () => {
      const { service, accounts, codeFor } = setUp();
      const account = accounts.add('QuietRiver42');
      const code = await codeFor(account);
      await service.recoverAccount('QuietRiver42', code, NEW_PASSPHRASE);
      await expect(service.recoverAccount('QuietRiver42', code, 'yet another passphrase')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'BAD_RECOVERY_CODE' },
      });
    });

    it('gives the same refusal for an unknown name as for a wrong code', async () => {
      const { service, accounts } = setUp();
      accounts.add('QuietRiver42');
      const wrongCode = service.recoverAccount('QuietRiver42', 'abcd-efgh-jkmn', NEW_PASSPHRASE);
      await expect(wrongCode).rejects.toMatchObject({ details: { reason: 'BAD_RECOVERY_CODE' } });
      await expect(service.recoverAccount('NobodyHere7', 'abcd-efgh-jkmn', NEW_PASSPHRASE)).rejects.toMatchObject({
        details: { reason: 'BAD_RECOVERY_CODE' },
      });
    });

    it('tells the holder of a valid code that the account is banned, and changes nothing', async () => {
      const { service, accounts, sessionsEnded, codeFor } = setUp();
      const account = accounts.add('QuietRiver42', { bannedAt: new Date('2026-11-01T00:00:00Z') });
      const code = await codeFor(account);
      await expect(service.recoverAccount('QuietRiver42', code, NEW_PASSPHRASE)).rejects.toMatchObject({ details: { reason: 'BANNED' } });
      expect(account.passphraseHash).toBe(`hashed:${PASSPHRASE}`);
      expect(sessionsEnded).toEqual([]);
    });

    it('refuses a short new passphrase before spending the code', async () => {
      const { service, accounts, codeFor } = setUp();
      const account = accounts.add('QuietRiver42');
      const code = await codeFor(account);
      await expect(service.recoverAccount('QuietRiver42', code, 'short')).rejects.toMatchObject({
        details: { reason: 'PASSPHRASE_TOO_SHORT' },
      });
      await expect(service.recoverAccount('QuietRiver42', code, NEW_PASSPHRASE)).resolves.toMatchObject({ account: { id: account.id } });
    });
  });

  describe('updateProfile', () => {
    const now = new Date('2026-11-30T12:00:00Z');

    it('changes only what was sent, and clears the recovery date when sent null', async () => {
      const { service, accounts } = setUp();
      const account = accounts.add('QuietRiver42', { recoveryStartDate: '2025-01-01', shareRecoveryDays: true });
      await expect(service.updateProfile(viewerOf(account), { perspective: Perspective.FAMILY_OR_FRIEND }, now)).resolves.toMatchObject({
        perspective: Perspective.FAMILY_OR_FRIEND,
        recoveryStartDate: '2025-01-01',
        shareRecoveryDays: true,
      });
      await expect(service.updateProfile(viewerOf(account), { recoveryStartDate: null }, now)).resolves.toMatchObject({
        recoveryStartDate: null,
        shareRecoveryDays: true,
      });
    });

    it('refuses a recovery date in the future, and changes nothing', async () => {
      const { service, accounts } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(
        service.updateProfile(viewerOf(account), { perspective: Perspective.SUPPORTER, recoveryStartDate: '2026-12-05' }, now),
      ).rejects.toMatchObject({
        details: { reason: 'INVALID_DATE' },
      });
      expect(account.perspective).toBe(Perspective.UNSPECIFIED);
    });

    it('answers ACCOUNT_NOT_FOUND for an account deleted in the meantime', async () => {
      const { service, accounts } = setUp();
      const account = accounts.add('QuietRiver42');
      accounts.rows.delete(account.id);
      await expect(service.updateProfile(viewerOf(account), {}, now)).rejects.toMatchObject({ details: { reason: 'ACCOUNT_NOT_FOUND' } });
    });
  });

  describe('checkDeletion and delete', () => {
    it('refuses a wrong passphrase and deletes nothing', async () => {
      const { service, accounts } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(service.checkDeletion(viewerOf(account), 'not the passphrase at all')).rejects.toMatchObject({
        details: { reason: 'WRONG_PASSPHRASE' },
      });
      expect(accounts.rows.has(account.id)).toBe(true);
    });

    it('deletes the account once its passphrase is checked, and forgets its failure count', async () => {
      const { service, accounts, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      const deletion = await service.checkDeletion(viewerOf(account), PASSPHRASE);
      expect(accounts.deleted).toEqual([]);
      await service.delete({} as EntityManager, deletion);
      expect(accounts.deleted).toEqual([account.id]);
      expect(throttleState.resets).toEqual(['key:quietriver42']);
    });

    it('while the name is blocked, refuses without checking the passphrase', async () => {
      const { service, accounts, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      throttleState.blockedUntil = new Date(Date.now() + 60_000);
      await expect(service.checkDeletion(viewerOf(account), PASSPHRASE)).rejects.toMatchObject({
        details: { reason: 'THROTTLED' },
      });
      expect(accounts.rows.has(account.id)).toBe(true);
    });
  });

  describe('changePassphrase', () => {
    it('sets the new passphrase, ends every other session and clears the failure count', async () => {
      const { service, accounts, sessionsEnded, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      await service.changePassphrase(viewerOf(account), PASSPHRASE, NEW_PASSPHRASE);
      expect(account.passphraseHash).toBe(`hashed:${NEW_PASSPHRASE}`);
      expect(sessionsEnded).toEqual([`${account.id} but session-0`]);
      expect(throttleState.reservations).toEqual([{ key: 'key:quietriver42', bypass: false }]);
      expect(throttleState.resets).toEqual(['key:quietriver42']);
    });

    it('refuses a wrong current passphrase as sign-in does (UNAUTHENTICATED), keeps the failure counted and changes nothing', async () => {
      const { service, accounts, sessionsEnded, throttleState, hash } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(service.changePassphrase(viewerOf(account), 'not the passphrase at all', NEW_PASSPHRASE)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'WRONG_PASSPHRASE' },
      });
      expect(account.passphraseHash).toBe(`hashed:${PASSPHRASE}`);
      expect(hash).not.toHaveBeenCalled();
      expect(sessionsEnded).toEqual([]);
      expect(throttleState.reservations).toHaveLength(1);
      expect(throttleState.resets).toEqual([]);
    });

    it('while the name is blocked, refuses with THROTTLED without checking the passphrase', async () => {
      const { service, accounts, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      throttleState.blockedUntil = new Date(Date.now() + 60_000);
      await expect(service.changePassphrase(viewerOf(account), PASSPHRASE, NEW_PASSPHRASE)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        details: { reason: 'THROTTLED', retryAt: throttleState.blockedUntil.toISOString() },
      });
      expect(account.passphraseHash).toBe(`hashed:${PASSPHRASE}`);
    });

    it('refuses a short new passphrase before counting an attempt', async () => {
      const { service, accounts, throttleState } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(service.changePassphrase(viewerOf(account), PASSPHRASE, 'too short')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { reason: 'PASSPHRASE_TOO_SHORT' },
      });
      expect(throttleState.reservations).toEqual([]);
      expect(account.passphraseHash).toBe(`hashed:${PASSPHRASE}`);
    });
  });

  describe('pseudonymSuggestions', () => {
    it('suggests the number asked for, none of them held by anyone', async () => {
      const { service, accounts } = setUp();
      const suggestions = await service.pseudonymSuggestions(12);
      expect(suggestions).toHaveLength(12);
      expect(new Set(suggestions.map(pseudonymKey)).size).toBe(12);
      for (const name of suggestions) expect(accounts.byKey(pseudonymKey(name))).toBeNull();
    });

    it('refuses to suggest fewer than one or more than twenty', async () => {
      const { service } = setUp();
      for (const count of [0, 21, 2.5])
        await expect(service.pseudonymSuggestions(count)).rejects.toMatchObject({ details: { reason: 'BAD_COUNT' } });
      await expect(service.pseudonymSuggestions(null)).resolves.toHaveLength(5);
    });
  });

  describe('grantRole', () => {
    it('sets the role and writes an audit entry naming the change', async () => {
      const { service, accounts, auditEntries } = setUp();
      const account = accounts.add('QuietRiver42');
      await expect(service.grantRole('quietriver42', Role.MODERATOR, 'admin-1')).resolves.toMatchObject({
        id: account.id,
        role: Role.MODERATOR,
      });
      expect(account.role).toBe(Role.MODERATOR);
      expect(auditEntries).toEqual([{ action: 'ROLE_CHANGE', subjectId: account.id, moderatorId: 'admin-1', note: 'MEMBER -> MODERATOR' }]);
    });

    it('answers ACCOUNT_NOT_FOUND for an unknown name, and refuses an unknown role', async () => {
      const { service, accounts } = setUp();
      accounts.add('QuietRiver42');
      await expect(service.grantRole('NobodyHere7', Role.ADMIN, null)).rejects.toMatchObject({ details: { reason: 'ACCOUNT_NOT_FOUND' } });
      await expect(service.grantRole('QuietRiver42', 'OWNER' as Role, null)).rejects.toThrow('unknown role OWNER');
    });
  });
});
