import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { isRole, Role } from '../common/auth/role';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from '../accounts/sessions.service';
import type { Viewer } from '../common/auth/viewer';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { NotificationKind } from '../notifications/notification-kind';
import { NotificationsService } from '../notifications/notifications.service';
import { AuditLogService } from '../audit/audit-log.service';
import { ModerationError, moderationErrors } from './moderation.errors';
import { isUuid } from '../common/validation/uuid';
import { ModerationMembersRepository } from '../accounts/repositories/moderation-members.repository';
import { TransactionClock } from './repositories/transaction-clock';
import { laterOf, REASON_MAX, Sanction, sanctionProblem, suspensionEnd, suspensionMessage, warningMessage } from './sanction-rules';

export interface SanctionCommand {
  memberId: string;
  sanction: Sanction;
  days?: number | null;
  reason: string;
  caseId?: string | null;
}

/**
 * Sanctions on members and role changes. A suspension or ban takes effect on the member's
 * very next request: the viewer is read from the database per request (suspendedUntil),
 * and a ban revokes every session in the same transaction that sets it.
 */
@Injectable()
export class SanctionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: ModerationMembersRepository,
    private readonly clock: TransactionClock,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async sanction(viewer: Viewer, command: SanctionCommand): Promise<boolean> {
    if (!isUuid(command.memberId)) throw moderationErrors.memberNotFound();
    if (command.caseId !== null && command.caseId !== undefined && !isUuid(command.caseId)) throw moderationErrors.caseNotFound();
    const reason = (command.reason ?? '').trim();
    await this.dataSource.transaction(async (manager) => {
      const target = await this.members.lockMember(manager, command.memberId);
      if (!target) throw moderationErrors.memberNotFound();
      const problem = sanctionProblem(
        { accountId: viewer.accountId, role: viewer.role },
        target,
        command.sanction,
        command.days,
        reason,
        this.config.moderation.suspendDaysMax,
      );
      if (problem) throw new ModerationError(problem.reason, problem.message, problem.field ? { field: problem.field } : {});

      const now = await this.clock.now(manager);
      const entry = {
        action: command.sanction,
        subjectId: target.id,
        moderatorId: viewer.accountId,
        caseId: command.caseId ?? null,
        note: reason,
      };
      switch (command.sanction) {
        case Sanction.WARN:
          await this.notifications.notify(manager, target.id, NotificationKind.MODERATOR_WARNING, warningMessage(reason));
          await this.audit.record(manager, entry);
          break;
        case Sanction.SUSPEND: {
          const until = laterOf(target.suspendedUntil, suspensionEnd(now, command.days as number));
          await this.members.writeSanctionState(manager, target.id, { suspendedUntil: until });
          await this.notifications.notify(manager, target.id, NotificationKind.ACCOUNT_SUSPENDED, suspensionMessage(until, reason));
          await this.audit.record(manager, { ...entry, internalNote: `suspended until ${until.toISOString()} (${command.days} days)` });
          break;
        }
        case Sanction.BAN: {
          await this.members.writeSanctionState(manager, target.id, { bannedAt: now });
          const revoked = await this.sessions.revokeAllForAccount(manager, target.id);
          await this.audit.record(manager, { ...entry, internalNote: `${revoked} session(s) revoked` });
          break;
        }
      }
    });
    return true;
  }

  /** ADMIN only: ends a suspension and a ban early. */
  async lift(viewer: Viewer, memberId: string, rawReason: string): Promise<boolean> {
    if (viewer.role !== Role.ADMIN) throw moderationErrors.adminOnly();
    if (!isUuid(memberId)) throw moderationErrors.memberNotFound();
    const reason = (rawReason ?? '').trim();
    if (reason === '' || reason.length > REASON_MAX)
      throw moderationErrors.invalid(`Please give a reason (at most ${REASON_MAX} characters): it is recorded in the audit log.`, 'reason');
    await this.dataSource.transaction(async (manager) => {
      const target = await this.members.lockMember(manager, memberId);
      if (!target) throw moderationErrors.memberNotFound();
      const now = await this.clock.now(manager);
      const suspended = target.suspendedUntil !== null && target.suspendedUntil.getTime() > now.getTime();
      const banned = target.bannedAt !== null;
      if (!suspended && !banned) throw new ModerationError('NOTHING_TO_LIFT', 'This member is neither suspended nor banned.');
      await this.members.writeSanctionState(manager, target.id, { suspendedUntil: null, bannedAt: null });
      if (suspended)
        await this.audit.record(manager, { action: 'LIFT_SUSPENSION', subjectId: target.id, moderatorId: viewer.accountId, note: reason });
      if (banned)
        await this.audit.record(manager, { action: 'LIFT_BAN', subjectId: target.id, moderatorId: viewer.accountId, note: reason });
    });
    return true;
  }

  /** ADMIN only: grants or revokes a role (the CLI's grant-role does the same for the first admin). */
  async setRole(viewer: Viewer, memberId: string, role: Role): Promise<AccountEntity> {
    if (viewer.role !== Role.ADMIN) throw moderationErrors.adminOnly();
    if (!isUuid(memberId)) throw moderationErrors.memberNotFound();
    if (!isRole(role)) throw moderationErrors.invalid('Unknown role.', 'role');
    if (memberId === viewer.accountId) throw new ModerationError('OWN_ROLE', 'You cannot change your own role; ask another admin.');
    const account = await this.members.findMember(memberId);
    if (!account) throw moderationErrors.memberNotFound();
    return this.accounts.grantRole(account.pseudonym, role, viewer.accountId);
  }
}
