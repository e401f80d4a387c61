import { isUuid } from '../common/validation/uuid';
import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { AuditLogService } from '../audit/audit-log.service';
import { isRole, type Role } from '../common/auth/role';
import { AccountEntity } from './account.entity';
import { Perspective } from './perspective';
import { AccountsError, BAD_CREDENTIALS_MESSAGE } from './accounts.errors';
import { medicationDateMessage, recoveryDateMessage, recoveryDateProblem } from './member-fields';
import { normalizePathways, type Pathway } from './pathway';
import { canonicalTimeZone } from './progress/progress-arithmetic';
import { PassphraseService } from './passphrase.service';
import { AccountsRepository, ProfilePatch } from './repositories/accounts.repository';
import { generatePseudonym, pseudonymKey, pseudonymProblem, pseudonymProblemMessage, pseudonymShapeProblem } from './pseudonym-generator';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';
import { ClientKeyService } from './client-key.service';
import { ClientRateLimitService } from './client-rate-limit.service';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { ProofOfWorkService } from './proof-of-work.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { describeWait, throttledMessage } from './sign-in-backoff';

export const SUGGESTIONS_DEFAULT = 5;
export const SUGGESTIONS_MAX = 20;
/** Generated names collide rarely (over 300,000 combinations); this many tries is plenty. */
const GENERATE_ATTEMPTS = 20;

export interface RegisterCommand {
  pseudonym?: string | null;
  passphrase: string;
  perspective?: Perspective | null;
  /** A solved proof-of-work payload, needed once the client is over its registration limit. */
  proofOfWork?: string | null;
}

export interface ProfileChanges {
  perspective?: Perspective | null;
  recoveryStartDate?: string | null;
  shareRecoveryDays?: boolean | null;
  timeZone?: string | null;
  medicationStartDate?: string | null;
  pathways?: readonly Pathway[] | null;
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
const POW_REJECTED = ' The proof of work sent was not valid, had expired or was already used: ask for a new challenge.';

/**
 * The rules of accounts: registration, sign-in, recovery, profile, deletion, roles.
 * Logs carry account ids only: never a pseudonym beside a passphrase, token or code.
 */
/** An account whose holder proved it is theirs, ready to delete. */
export interface AccountDeletion {
  accountId: string;
  throttleKey: string;
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly passphrases: PassphraseService,
    private readonly sessions: SessionsService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditLogService,
    private readonly clientKeys: ClientKeyService,
    private readonly clientLimits: ClientRateLimitService,
    private readonly proofOfWork: ProofOfWorkService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.accounts.findById(id);
  }

  findByPseudonym(pseudonym: string): Promise<AccountEntity | null> {
    return this.accounts.findByPseudonymKey(pseudonymKey(pseudonym));
  }

  /** `clientKey` is the requester's keyed hash (GraphQL context); null counts with every client that has none. */
  async register(command: RegisterCommand, clientKey: string | null = null): Promise<Registered> {
    const chosen = command.pseudonym ?? null;
    if (chosen !== null) {
      const problem = pseudonymProblem(chosen);
      if (problem) throw new AccountsError('PSEUDONYM_INVALID', pseudonymProblemMessage(problem), { problem });
    }
    this.passphrases.assertAcceptable(command.passphrase);
    await this.assertRegistrationAllowed(clientKey ?? this.clientKeys.keyFor(null), command.proofOfWork);
    // Refuse a taken name before spending a passphrase hash on it (the insert re-checks).
    if (chosen !== null && (await this.findByPseudonym(chosen))) throw takenError();
    const passphraseHash = await this.passphrases.hash(command.passphrase);
    const perspective = command.perspective ?? Perspective.UNSPECIFIED;

    const registered = await this.dataSource.transaction(async (manager) => {
      const id = await this.insertAccount(manager, chosen, passphraseHash, perspective);
      const account = await this.accounts.findById(id, manager);
      if (!account) throw new Error('the account just inserted could not be read back');
      const recoveryCodes = await this.recoveryCodes.issue(manager, id);
      const session = await this.sessions.issue(manager, id);
      return { token: session.token, account, recoveryCodes };
    });
    this.logger.log(`account ${registered.account.id} registered`);
    return registered;
  }

  /**
   * Counts the attempt against the client's registration limit. Over the limit the client
   * is asked for proof of work instead of being walled off: a person behind a shared
   * address (a library, a shelter, a carrier NAT) can still join, a flood pays per account.
   */
  private async assertRegistrationAllowed(clientKey: string, proofOfWork: string | null | undefined): Promise<void> {
    const { registrationsPerClient, registrationWindowSeconds } = this.config.accountAbuse;
    const { count, retryAfterSeconds } = await this.clientLimits.count(clientKey, 'REGISTER', registrationWindowSeconds);
    if (count <= registrationsPerClient) return;
    if (await this.proofOfWork.spend(proofOfWork)) return;
    const message = `Many accounts were made from your network recently. Solve the proof-of-work challenge to continue, or wait ${describeWait(retryAfterSeconds * 1000)}.`;
    throw new AccountsError('REGISTRATION_LIMITED', proofOfWork ? message + POW_REJECTED : message, {
      retryAfterSeconds,
      proofOfWorkRequired: true,
    });
  }

  /** Inserts the account under the chosen name, or under a generated one (retrying on collision). */
  private async insertAccount(
    manager: EntityManager,
    chosen: string | null,
    passphraseHash: string,
    perspective: Perspective,
  ): Promise<string> {
    for (let attempt = 0; attempt < (chosen === null ? GENERATE_ATTEMPTS : 1); attempt++) {
      const pseudonym = chosen ?? generatePseudonym(randomInt);
      const id = await this.accounts.insertIfNameFree(manager, {
        pseudonym,
        pseudonymKey: pseudonymKey(pseudonym),
        passphraseHash,
        perspective,
      });
      if (id !== null) return id;
    }
    if (chosen !== null) throw takenError();
    throw new Error('could not find a free generated pseudonym');
  }

  async signIn(pseudonym: string, passphrase: string, proofOfWork: string | null = null): Promise<Authenticated> {
    assertPseudonymShape(pseudonym);
    const key = await this.throttle.keyFor(pseudonym);
    await this.reserveAttempt(key, proofOfWork);
    const account = await this.findByPseudonym(pseudonym);
    // Same work whether or not the pseudonym exists, so timing does not tell them apart.
    const matches = account
      ? await this.passphrases.verify(account.passphraseHash, passphrase)
      : await this.passphrases.verifyDummy(passphrase);
    // A failure stays counted: the attempt was reserved before the check.
    if (!account || !matches) throw new AccountsError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
    await this.throttle.reset(key);
    if (account.bannedAt) throw new AccountsError('BANNED', BANNED_MESSAGE);
    const session = await this.sessions.issue(this.dataSource.manager, account.id);
    this.logger.log(`account ${account.id} signed in (session ${session.sessionId})`);
    return { token: session.token, account };
  }

  /**
   * Counts one passphrase attempt on the pseudonym before it is checked. While the
   * pseudonym is blocked (someone kept failing on it, perhaps to lock its owner out) a
   * solved proof of work lets the attempt through, so the owner is never locked out.
   */
  private async reserveAttempt(key: string, proofOfWork: string | null): Promise<void> {
    const now = new Date();
    const reservation = await this.throttle.reserve(key, false, now);
    if (reservation.allowed) return;
    if (proofOfWork && (await this.proofOfWork.spend(proofOfWork)) && (await this.throttle.reserve(key, true, now)).allowed) return;
    const until = reservation.blockedUntil;
    const message = `${throttledMessage(until, now)} Or solve the proof-of-work challenge to try now.`;
    throw new AccountsError('THROTTLED', proofOfWork ? message + POW_REJECTED : message, {
      retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
      retryAt: until.toISOString(),
      proofOfWorkRequired: true,
    });
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
    assertPseudonymShape(pseudonym);
    this.passphrases.assertAcceptable(newPassphrase);
    // No pseudonym throttle here: anyone can fail sign-ins on a public pseudonym, and a
    // valid code (60 random bits, out of reach of guessing) must always let its owner in.
    // A wrong code costs no passphrase hash: the new passphrase is hashed only once the code is spent.
    const account = await this.findByPseudonym(pseudonym);
    if (!account) throw new AccountsError('BAD_RECOVERY_CODE', RECOVERY_MISMATCH);
    const result = await this.dataSource.transaction(async (manager) => {
      if (!(await this.recoveryCodes.consume(manager, account.id, recoveryCode)))
        throw new AccountsError('BAD_RECOVERY_CODE', RECOVERY_MISMATCH);
      // Checked after the code, so a ban is only revealed to the holder of a code; the rollback keeps the code.
      if (account.bannedAt) throw new AccountsError('BANNED', BANNED_MESSAGE);
      const passphraseHash = await this.passphrases.hash(newPassphrase);
      await this.accounts.updatePassphraseHash(manager, account.id, passphraseHash);
      await this.sessions.revokeAllForAccount(manager, account.id);
      const recoveryCodes = await this.recoveryCodes.issue(manager, account.id);
      const session = await this.sessions.issue(manager, account.id);
      const recovered = await this.accounts.findById(account.id, manager);
      if (!recovered) throw new Error('the account being recovered could not be read back');
      return { token: session.token, account: recovered, recoveryCodes };
    });
    await this.throttle.reset(await this.throttle.keyFor(pseudonym));
    this.logger.log(`account ${account.id} recovered with a recovery code; other sessions ended`);
    return result;
  }

  async updateProfile(viewer: Viewer, changes: ProfileChanges, now = new Date()): Promise<AccountEntity> {
    const patch: ProfilePatch = {};
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
    if (changes.medicationStartDate === null) {
      patch.medicationStartDate = null;
    } else if (changes.medicationStartDate !== undefined) {
      const date = changes.medicationStartDate.trim();
      const problem = recoveryDateProblem(date, now);
      if (problem) throw new AccountsError('INVALID_DATE', medicationDateMessage(problem), { problem, field: 'medicationStartDate' });
      patch.medicationStartDate = date;
    }
    if (changes.timeZone !== undefined && changes.timeZone !== null) {
      const zone = canonicalTimeZone(changes.timeZone.trim());
      if (zone === null)
        throw new AccountsError(
          'INVALID_TIME_ZONE',
          'Please choose a time zone from the list, for example America/Chicago or Europe/Madrid.',
        );
      patch.timeZone = zone;
    }
    if (changes.pathways !== undefined && changes.pathways !== null) patch.pathways = normalizePathways(changes.pathways);
    if (Object.keys(patch).length > 0) await this.accounts.updateProfile(viewer.accountId, patch);
    const account = await this.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    return account;
  }

  /**
   * The first half of deleting the viewer's account: the passphrase, checked under the same
   * throttle as sign-in. The account-deletion workflow deletes the member's posts and then
   * the account (`delete`) in one transaction.
   */
  async checkDeletion(viewer: Viewer, passphrase: string): Promise<AccountDeletion> {
    const account = await this.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    const key = await this.throttle.keyFor(account.pseudonymKey);
    await this.reserveSignedInAttempt(key);
    if (!(await this.passphrases.verify(account.passphraseHash, passphrase))) {
      throw new AccountsError('WRONG_PASSPHRASE', "That passphrase isn't right, so nothing was deleted.");
    }
    return { accountId: account.id, throttleKey: key };
  }

  /**
   * Sets a new passphrase for the signed-in member once the current one checks out, under
   * the sign-in throttle (a stolen session must not become a way to guess the passphrase).
   * Every other session ends, as they would on recovery: whoever else held one is out; the
   * member stays signed in where they made the change.
   */
  async changePassphrase(viewer: Viewer, currentPassphrase: string, newPassphrase: string): Promise<void> {
    // Checked first: a too-short new passphrase costs no attempt and no hash.
    this.passphrases.assertAcceptable(newPassphrase);
    const account = await this.findById(viewer.accountId);
    if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');
    const key = await this.throttle.keyFor(account.pseudonymKey);
    await this.reserveSignedInAttempt(key);
    if (!(await this.passphrases.verify(account.passphraseHash, currentPassphrase))) {
      throw new AccountsError('WRONG_PASSPHRASE', "That isn't your current passphrase, so it was not changed.");
    }
    await this.throttle.reset(key);
    const passphraseHash = await this.passphrases.hash(newPassphrase);
    const ended = await this.dataSource.transaction(async (manager) => {
      await this.accounts.updatePassphraseHash(manager, account.id, passphraseHash);
      return this.sessions.revokeOthersOfAccount(manager, account.id, viewer.sessionId);
    });
    this.logger.log(`account ${account.id} changed its passphrase; ${ended} other session(s) ended`);
  }

  /**
   * Counts one passphrase check by a signed-in member (deletion, passphrase change) on the
   * sign-in throttle of their pseudonym. No proof-of-work way past a block here: the member
   * is signed in already, so waiting locks nobody out.
   */
  private async reserveSignedInAttempt(key: string): Promise<void> {
    const now = new Date();
    const reservation = await this.throttle.reserve(key, false, now);
    if (reservation.allowed) return;
    const until = reservation.blockedUntil;
    throw new AccountsError('THROTTLED', throttledMessage(until, now), {
      retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
      retryAt: until.toISOString(),
    });
  }

  /**
   * Deletes a checked account inside the caller's transaction. Sessions, codes, reactions and
   * notifications go with it (ON DELETE CASCADE); so does its sign-in failure count.
   */
  async delete(manager: EntityManager, deletion: AccountDeletion): Promise<void> {
    await this.accounts.delete(manager, deletion.accountId);
    await this.throttle.reset(deletion.throttleKey, manager);
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
      const takenKeys = await this.accounts.takenPseudonymKeys([...candidates.keys()]);
      for (const [key, name] of candidates) {
        if (!takenKeys.has(key) && suggestions.size < wanted) suggestions.set(key, name);
      }
    }
    return [...suggestions.values()];
  }

  /** Sets a member's role (operator CLI, admins), with an audit entry ROLE_CHANGE. */
  async grantRole(pseudonym: string, role: Role, actorId: string | null): Promise<AccountEntity> {
    if (!isRole(role)) throw new Error(`unknown role ${String(role)}`);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.findByPseudonymKeyForUpdate(manager, pseudonymKey(pseudonym));
      if (!account) throw new AccountsError('ACCOUNT_NOT_FOUND', 'No member has that pseudonym.');
      const previous = account.role;
      if (previous !== role) {
        await this.accounts.updateRole(manager, account.id, role);
        account.role = role;
      }
      await this.audit.record(manager, {
        action: 'ROLE_CHANGE',
        subjectId: account.id,
        moderatorId: actorId,
        note: `${previous} -> ${role}`,
      });
      this.logger.log(`account ${account.id} role ${previous} -> ${role}`);
      return account;
    });
  }
}

/**
 * Sign-in and recovery take only what could be a pseudonym. Anything else (an e-mail, a
 * phone number: people type those there) is refused before it reaches any table.
 */
function assertPseudonymShape(pseudonym: string): void {
  const problem = pseudonymShapeProblem(pseudonym.trim());
  if (problem) throw new AccountsError('PSEUDONYM_INVALID', pseudonymProblemMessage(problem), { problem });
}

function takenError() {
  return new AccountsError('PSEUDONYM_TAKEN', 'That pseudonym is already taken. Please choose another, or leave it empty to be given one.');
}
