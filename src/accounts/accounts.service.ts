import { isUuid } from '../common/validation/uuid';
import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { AuditLogService } from '../moderation/audit-log.service';
import { DeletionMode } from './account-enums';
import { AccountEntity, Perspective, Role } from './account.entity';
import { AccountsError, BAD_CREDENTIALS_MESSAGE } from './accounts.errors';
import { recoveryDateMessage, recoveryDateProblem } from './member-fields';
import { PassphraseService } from './passphrase.service';
import { generatePseudonym, pseudonymKey, pseudonymProblem, pseudonymProblemMessage } from './pseudonym-generator';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

export const SUGGESTIONS_DEFAULT = 5;
export const SUGGESTIONS_MAX = 20;
/** Generated names collide rarely (over 300,000 combinations); this many tries is plenty. */
const GENERATE_ATTEMPTS = 20;

export interface RegisterCommand {
  pseudonym?: string | null;
  passphrase: string;
  perspective?: Perspective | null;
}

export interface ProfileChanges {
  perspective?: Perspective | null;
  recoveryStartDate?: string | null;
  shareRecoveryDays?: boolean | null;
}

export interface Authenticated {
  token: string;
  account: AccountEntity;
}

export interface Registered extends Authenticated {
  recoveryCodes: string[];
}

const RECOVERY_MISMATCH = "That pseudonym and recovery code don't match. Check the code (each one works only once) and try again.";
const BANNED_MESSAGE = 'This account has been banned by the moderators, so it can no longer sign in.';

/**
 * The rules of accounts: registration, sign-in, recovery, profile, deletion, roles.
 * Logs carry account ids only: never a pseudonym beside a passphrase, token or code.
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passphrases: PassphraseService,
    private readonly sessions: SessionsService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditLogService,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.manager.findOneBy(AccountEntity, { id });
  }

  findByPseudonym(pseudonym: string): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOneBy(AccountEntity, { pseudonymKey: pseudonymKey(pseudonym) });
  }

  async register(command: RegisterCommand): Promise<Registered> {
    const chosen = command.pseudonym ?? null;
    if (chosen !== null) {
      const problem = pseudonymProblem(chosen);
      if (problem) throw new AccountsError('PSEUDONYM_INVALID', pseudonymProblemMessage(problem), { problem });
    }
    this.passphrases.assertAcceptable(command.passphrase);
    // Refuse a taken name before spending a passphrase hash on it (the insert re-checks).
    if (chosen !== null && (await this.findByPseudonym(chosen))) throw takenError();
    const passphraseHash = await this.passphrases.hash(command.passphrase);
    const perspective = command.perspective ?? Perspective.UNSPECIFIED;

    const registered = await this.dataSource.transaction(async (manager) => {
      const id = await this.insertAccount(manager, chosen, passphraseHash, perspective);
      const account = await manager.findOneByOrFail(AccountEntity, { id });
      const recoveryCodes = await this.recoveryCodes.issue(manager, id);
      const session = await this.sessions.issue(manager, id);
      return { token: session.token, account, recoveryCodes };
    });
    this.logger.log(`account ${registered.account.id} registered`);
    return registered;
  }

  /** Inserts the account under the chosen name, or under a generated one (retrying on collision). */
  private async insertAccount(manager: EntityManager, chosen: string | null, passphraseHash: string, perspective: Perspective): Promise<string> {
    for (let attempt = 0; attempt < (chosen === null ? GENERATE_ATTEMPTS : 1); attempt++) {
      const pseudonym = chosen ?? generatePseudonym(randomInt);
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO account (pseudonym, pseudonym_key, passphrase_hash, perspective) VALUES ($1, $2, $3, $4)
         ON CONFLICT (pseudonym_key) DO NOTHING RETURNING id`,
        [pseudonym, pseudonymKey(pseudonym), passphraseHash, perspective],
      );
      if (rows[0]) return rows[0].id;
    }
    if (chosen !== null) throw takenError();
    throw new Error('could not find a free generated pseudonym');
  }

  async signIn(pseudonym: string, passphrase: string): Promise<Authenticated> {
    const key = pseudonymKey(pseudonym);
    await this.throttle.assertNotBlocked(key);
    const account = await this.dataSource.manager.findOneBy(AccountEntity, { pseudonymKey: key });
    // Same work whether or not the pseudonym exists, so timing does not tell them apart.
    const matches = account ? await this.passphrases.verify(account.passphraseHash, passphrase) : await this.passphrases.verifyDummy(passphrase);
    if (!account || !matches) {
      await this.throttle.recordFailure(key);
      throw new AccountsError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
    }
    await this.throttle.reset(key);
    if (account.bannedAt) throw new AccountsError('BANNED', BANNED_MESSAGE);
    const session = await this.sessions.issue(this.dataSource.manager, account.id);
    this.logger.log(`account ${account.id} signed in (session ${session.sessionId})`);
    return { token: session.token, account };
  }

  /** Ends the viewer's current session; false when there was none to end. */
  async signOut(viewer: Viewer | null): Promise<boolean> {
    if (!viewer) return false;
    return this.sessions.revoke(viewer.sessionId);
  }

  /**
   * Spends one recovery code: sets the new passphrase, ends every existing session, and
   * returns a new session and a fresh set of codes (the old unused ones stop working).
   */
  async recoverAccount(pseudonym: string, recoveryCode: string, newPassphrase: string): Promise<Registered> {
    this.passphrases.assertAcceptable(newPassphrase);
    const key = pseudonymKey(pseudonym);
    await this.throttle.assertNotBlocked(key);
    const account = await this.dataSource.manager.findOneBy(AccountEntity, { pseudonymKey: key });
    if (!account) {
      await this.passphrases.verifyDummy(newPassphrase); // about the time the hash below takes
      await this.throttle.recordFailure(key);
      throw new AccountsError('BAD_RECOVERY_CODE', RECOVERY_MISMATCH);
    }
    const passphraseHash = await this.passphrases.hash(newPassphrase);
    let result: Registered;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        if (!(await this.recoveryCodes.consume(manager, account.id, recoveryCode))) throw new AccountsError('BAD_RECOVERY_CODE', RECOVERY_MISMATCH);
        // Checked after the code, so a ban is only revealed to the holder of a code; the rollback keeps the code.
        if (account.bannedAt) throw new AccountsError('BANNED', BANNED_MESSAGE);
        await manager.update(AccountEntity, { id: account.id }, { passphraseHash });
        await this.sessions.revokeAllForAccount(manager, account.id);
        const recoveryCodes = await this.recoveryCodes.issue(manager, account.id);
        const session = await this.sessions.issue(manager, account.id);
        return { token: session.token, account: await manager.findOneByOrFail(AccountEntity, { id: account.id }), recoveryCodes };
      });
    } catch (error) {
      if (error instanceof AccountsError && error.reason === 'BAD_RECOVERY_CODE') await this.throttle.recordFailure(key);
      throw error;
    }
    await this.throttle.reset(key);
    this.logger.log(`account ${account.id} recovered with a recovery code; other sessions ended`);
    return result;
  }

  async updateProfile(viewer: Viewer, changes: ProfileChanges, now = new Date()): Promise<AccountEntity> {
    const patch: Partial<Pick<AccountEntity, 'perspective' | 'recoveryStartDate' | 'shareRecoveryDays'>> = {};
    if (changes.perspective !== undefined && changes.perspective !== null) patch.perspective = changes.perspective;
    if (changes.shareRecoveryDays !== undefined && changes.shareRecoveryDays !== null) patch.shareRecoveryDays = changes.shareRecoveryDays;
    if (changes.recoveryStartDate === null) {
      patch.recoveryStartDate = null;
    } else if (changes.recoveryStartDate !== undefined) {
      const date = changes.recoveryStartDate.trim();
      const problem = recoveryDateProblem(date, now);
      if (problem) throw new AccountsError('INVALID_DATE', recoveryDateMessage(problem), { problem });
      patch.recoveryStartDate = date;
    }
    if (Object.keys(patch).length > 0) await this.dataSource.manager.update(AccountEntity, { id: viewer.accountId }, patch);
    const account = await this.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    return account;
  }

  /**
   * Deletes the viewer's account after checking the passphrase. ERASE removes every post
   * it wrote; ANONYMIZE removes the unpublished ones and keeps the published ones with no
   * author (post.author_id is ON DELETE SET NULL). Sessions, codes, reactions and
   * notifications go with the account (ON DELETE CASCADE). One transaction.
   */
  async deleteAccount(viewer: Viewer, passphrase: string, mode: DeletionMode): Promise<boolean> {
    const account = await this.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    await this.throttle.assertNotBlocked(account.pseudonymKey);
    if (!(await this.passphrases.verify(account.passphraseHash, passphrase))) {
      await this.throttle.recordFailure(account.pseudonymKey);
      throw new AccountsError('WRONG_PASSPHRASE', "That passphrase isn't right, so nothing was deleted.");
    }
    await this.dataSource.transaction(async (manager) => {
      if (mode === DeletionMode.ERASE) {
        await manager.query(`DELETE FROM post WHERE author_id = $1`, [account.id]);
      } else {
        await manager.query(`DELETE FROM post WHERE author_id = $1 AND status <> 'PUBLISHED'`, [account.id]);
      }
      await manager.query(`DELETE FROM account WHERE id = $1`, [account.id]);
      await manager.query(`DELETE FROM sign_in_throttle WHERE pseudonym_key = $1`, [account.pseudonymKey]);
    });
    this.logger.log(`account ${account.id} deleted (${mode})`);
    return true;
  }

  /** Generated pseudonyms nobody holds yet (no reservation: register may still lose a race). */
  async pseudonymSuggestions(count: number | null | undefined): Promise<string[]> {
    const wanted = count ?? SUGGESTIONS_DEFAULT;
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > SUGGESTIONS_MAX) {
      throw new AccountsError('BAD_COUNT', `Ask for between 1 and ${SUGGESTIONS_MAX} suggestions.`);
    }
    const suggestions = new Map<string, string>();
    for (let round = 0; round < 5 && suggestions.size < wanted; round++) {
      const candidates = new Map<string, string>();
      while (candidates.size < (wanted - suggestions.size) * 2) {
        const name = generatePseudonym(randomInt);
        const key = pseudonymKey(name);
        if (!suggestions.has(key)) candidates.set(key, name);
      }
      const taken: Array<{ pseudonym_key: string }> = await this.dataSource.query(`SELECT pseudonym_key FROM account WHERE pseudonym_key = ANY($1::text[])`, [[...candidates.keys()]]);
      const takenKeys = new Set(taken.map((row) => row.pseudonym_key));
      for (const [key, name] of candidates) {
        if (!takenKeys.has(key) && suggestions.size < wanted) suggestions.set(key, name);
      }
    }
    return [...suggestions.values()];
  }

  /** Sets a member's role (operator CLI, admins), with an audit entry ROLE_CHANGE. */
  async grantRole(pseudonym: string, role: Role, actorId: string | null): Promise<AccountEntity> {
    if (!(Object.values(Role) as string[]).includes(role)) throw new Error(`unknown role ${String(role)}`);
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(AccountEntity, { where: { pseudonymKey: pseudonymKey(pseudonym) }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'No member has that pseudonym.');
      const previous = account.role;
      if (previous !== role) {
        await manager.update(AccountEntity, { id: account.id }, { role });
        account.role = role;
      }
      await this.audit.record(manager, { action: 'ROLE_CHANGE', subjectId: account.id, moderatorId: actorId, note: `${previous} -> ${role}` });
      this.logger.log(`account ${account.id} role ${previous} -> ${role}`);
      return account;
    });
  }
}

function takenError() {
  return new AccountsError('PSEUDONYM_TAKEN', 'That pseudonym is already taken. Please choose another, or leave it empty to be given one.');
}

