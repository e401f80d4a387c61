import type { EntityManager } from 'typeorm';
import { Role } from '../common/auth/role';
import type { AccountsService } from '../accounts/accounts.service';
import { SessionsRepository } from '../accounts/repositories/sessions.repository';
import { SessionsService } from '../accounts/sessions.service';
import { loadConfig } from '../config/config';
import { NotificationKind } from '../notifications/notification-kind';
import { Sanction } from './sanction-rules';
import { SanctionsService } from './sanctions.service';
import {
  FixedClock,
  InMemoryMembers,
  OfflineTransactions,
  offlineDataSource,
  RecordedAudit,
  RecordedNotifications,
  untouchable,
  viewer,
} from '../../test/support/moderation-fakes';

const config = loadConfig({ SUSPEND_DAYS_MAX: '365' });

class RecordedSessionRevocations extends SessionsService {
  readonly revokedFor: string[] = [];

  constructor() {
    super(new SessionsRepository(offlineDataSource()), config);
  }

  override async revokeAllForAccount(_manager: EntityManager, accountId: string): Promise<number> {
    this.revokedFor.push(accountId);
    return 2;
  }
}

function setUp() {
  const clock = new FixedClock(new Date('2026-11-30T09:00:00.000Z'));
  const members = new InMemoryMembers();
  const sessions = new RecordedSessionRevocations();
  const audit = new RecordedAudit();
  const notifications = new RecordedNotifications();
  const service = new SanctionsService(
    new OfflineTransactions(),
    members,
    clock,
    sessions,
    untouchable<AccountsService>('AccountsService'),
    audit,
    notifications,
    config,
  );
  return { clock, members, sessions, audit, notifications, service };
}

describe('SanctionsService', () => {
  describe('sanction', () => {
    it('warns a member: they are told why, and the audit log says who warned them', async () => {
      const { members, audit, notifications, service } = setUp();
      const member = members.seed();
      const moderator = viewer(Role.MODERATOR);

      await service.sanction(moderator, { memberId: member.id, sanction: Sanction.WARN, reason: ' Please keep dosing talk out. ' });

      expect(notifications.sent).toEqual([
        expect.objectContaining({
          accountId: member.id,
          kind: NotificationKind.MODERATOR_WARNING,
          message: expect.stringContaining('Please keep dosing talk out.'),
        }),
      ]);
      expect(audit.entries).toEqual([
        expect.objectContaining({
          action: 'WARN',
          subjectId: member.id,
          moderatorId: moderator.accountId,
          note: 'Please keep dosing talk out.',
        }),
      ]);
      expect(members.stored(member.id)).toMatchObject({ suspendedUntil: null, bannedAt: null });
    });

    it('suspends a member for the given days from the database’s now, and never shortens a longer suspension', async () => {
      const { clock, members, service } = setUp();
      const member = members.seed();
      const longer = members.seed({ suspendedUntil: new Date('2027-01-01T00:00:00Z') });

      await service.sanction(viewer(), { memberId: member.id, sanction: Sanction.SUSPEND, days: 7, reason: 'cooling off' });
      await service.sanction(viewer(), { memberId: longer.id, sanction: Sanction.SUSPEND, days: 1, reason: 'cooling off' });

      expect(members.stored(member.id).suspendedUntil).toEqual(new Date(clock.current.getTime() + 7 * 86_400_000));
      expect(members.stored(longer.id).suspendedUntil).toEqual(new Date('2027-01-01T00:00:00Z'));
    });

    it('bans a member at the database’s now and ends every session of theirs in the same transaction', async () => {
      const { clock, members, sessions, audit, service } = setUp();
      const member = members.seed();

      await service.sanction(viewer(), { memberId: member.id, sanction: Sanction.BAN, reason: 'selling' });

      expect(members.stored(member.id).bannedAt).toEqual(clock.current);
      expect(sessions.revokedFor).toEqual([member.id]);
      expect(audit.entries).toEqual([expect.objectContaining({ action: 'BAN', internalNote: '2 session(s) revoked' })]);
    });

    it('refuses a moderator sanctioning an admin or another moderator (SANCTION_STAFF), but lets an admin', async () => {
      const { members, service } = setUp();
      const admin = members.seed({ role: Role.ADMIN });
      const colleague = members.seed({ role: Role.MODERATOR });

      await expect(
        service.sanction(viewer(Role.MODERATOR), { memberId: admin.id, sanction: Sanction.BAN, reason: 'x' }),
      ).rejects.toMatchObject({ reason: 'SANCTION_STAFF' });
      await expect(
        service.sanction(viewer(Role.MODERATOR), { memberId: colleague.id, sanction: Sanction.WARN, reason: 'x' }),
      ).rejects.toMatchObject({ reason: 'SANCTION_STAFF' });
      expect(members.stored(admin.id).bannedAt).toBeNull();

      await expect(
        service.sanction(viewer(Role.ADMIN), { memberId: colleague.id, sanction: Sanction.SUSPEND, days: 1, reason: 'x' }),
      ).resolves.toBe(true);
    });

    it('refuses sanctioning oneself, a banned member again, a suspension without days, and an unknown member', async () => {
      const { members, service } = setUp();
      const moderator = viewer(Role.MODERATOR);
      members.seed({ id: moderator.accountId, role: Role.MODERATOR });
      const banned = members.seed({ bannedAt: new Date('2026-11-01T00:00:00Z') });
      const member = members.seed();

      await expect(
        service.sanction(moderator, { memberId: moderator.accountId, sanction: Sanction.WARN, reason: 'x' }),
      ).rejects.toMatchObject({ reason: 'SANCTION_SELF' });
      await expect(service.sanction(moderator, { memberId: banned.id, sanction: Sanction.BAN, reason: 'x' })).rejects.toMatchObject({
        reason: 'ALREADY_BANNED',
      });
      await expect(service.sanction(moderator, { memberId: member.id, sanction: Sanction.SUSPEND, reason: 'x' })).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
        details: { field: 'days' },
      });
      await expect(
        service.sanction(moderator, { memberId: '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f', sanction: Sanction.WARN, reason: 'x' }),
      ).rejects.toMatchObject({
        reason: 'MEMBER_NOT_FOUND',
      });
      expect(members.stored(member.id).suspendedUntil).toBeNull();
    });
  });

  describe('lift', () => {
    it('lets an admin end a running suspension and a ban at once, each recorded', async () => {
      const { members, audit, service } = setUp();
      const member = members.seed({ suspendedUntil: new Date('2026-12-30T00:00:00Z'), bannedAt: new Date('2026-11-29T00:00:00Z') });

      await service.lift(viewer(Role.ADMIN), member.id, 'appeal accepted');

      expect(members.stored(member.id)).toMatchObject({ suspendedUntil: null, bannedAt: null });
      expect(audit.actions()).toEqual(['LIFT_SUSPENSION', 'LIFT_BAN']);
    });

    it('says NOTHING_TO_LIFT for a suspension that already ran out by the database’s clock', async () => {
      const { members, service } = setUp();
      const member = members.seed({ suspendedUntil: new Date('2026-11-30T08:59:59.000Z') });
      await expect(service.lift(viewer(Role.ADMIN), member.id, 'appeal')).rejects.toMatchObject({ reason: 'NOTHING_TO_LIFT' });
    });

    it('is for admins only (ADMIN_ONLY) and needs a reason', async () => {
      const { members, service } = setUp();
      const member = members.seed({ bannedAt: new Date('2026-11-29T00:00:00Z') });
      await expect(service.lift(viewer(Role.MODERATOR), member.id, 'appeal')).rejects.toMatchObject({ reason: 'ADMIN_ONLY' });
      await expect(service.lift(viewer(Role.ADMIN), member.id, '  ')).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
        details: { field: 'reason' },
      });
      expect(members.stored(member.id).bannedAt).not.toBeNull();
    });
  });

  describe('setRole', () => {
    it('is for admins only, never on oneself, and only for a known member and role', async () => {
      const { members, service } = setUp();
      const admin = viewer(Role.ADMIN);
      const member = members.seed();

      await expect(service.setRole(viewer(Role.MODERATOR), member.id, Role.MODERATOR)).rejects.toMatchObject({ reason: 'ADMIN_ONLY' });
      await expect(service.setRole(admin, admin.accountId, Role.MEMBER)).rejects.toMatchObject({ reason: 'OWN_ROLE' });
      await expect(service.setRole(admin, member.id, 'OWNER' as Role)).rejects.toMatchObject({
        reason: 'INVALID_INPUT',
        details: { field: 'role' },
      });
      await expect(service.setRole(admin, '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f', Role.MODERATOR)).rejects.toMatchObject({
        reason: 'MEMBER_NOT_FOUND',
      });
    });
  });
});
