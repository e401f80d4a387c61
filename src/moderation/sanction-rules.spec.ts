import { Role } from '../common/auth/role';
import { laterOf, Sanction, sanctionProblem, suspensionEnd, suspensionMessage } from './sanction-rules';

const moderator = { accountId: 'mod', role: Role.MODERATOR };
const admin = { accountId: 'admin', role: Role.ADMIN };
const member = { id: 'member', role: Role.MEMBER, bannedAt: null };

describe('sanctionProblem', () => {
  it('allows a moderator to warn, suspend and ban a member', () => {
    expect(sanctionProblem(moderator, member, Sanction.WARN, null, 'be kind', 365)).toBeNull();
    expect(sanctionProblem(moderator, member, Sanction.SUSPEND, 7, 'sourcing', 365)).toBeNull();
    expect(sanctionProblem(moderator, member, Sanction.BAN, undefined, 'spam bot', 365)).toBeNull();
  });

  it('refuses sanctions on oneself and moderators on staff', () => {
    expect(sanctionProblem(moderator, { ...member, id: 'mod', role: Role.MODERATOR }, Sanction.WARN, null, 'x', 365)?.reason).toBe(
      'SANCTION_SELF',
    );
    expect(sanctionProblem(admin, { ...member, id: 'admin', role: Role.ADMIN }, Sanction.BAN, null, 'x', 365)?.reason).toBe(
      'SANCTION_SELF',
    );
    expect(sanctionProblem(moderator, { ...member, role: Role.ADMIN }, Sanction.WARN, null, 'x', 365)?.reason).toBe('SANCTION_STAFF');
    expect(sanctionProblem(moderator, { ...member, role: Role.MODERATOR }, Sanction.BAN, null, 'x', 365)?.reason).toBe('SANCTION_STAFF');
    expect(sanctionProblem(moderator, { ...member, role: Role.MODERATOR }, Sanction.SUSPEND, 1, 'x', 365)?.reason).toBe('SANCTION_STAFF');
    expect(sanctionProblem(moderator, { ...member, role: Role.PEER_SUPPORTER }, Sanction.WARN, null, 'x', 365)).toBeNull();
    expect(sanctionProblem(admin, { ...member, role: Role.ADMIN }, Sanction.WARN, null, 'x', 365)).toBeNull();
    expect(sanctionProblem(admin, { ...member, role: Role.MODERATOR }, Sanction.SUSPEND, 1, 'x', 365)).toBeNull();
  });

  it('checks the days of a suspension against the maximum', () => {
    for (const days of [null, 0, -1, 1.5, 366]) {
      expect(sanctionProblem(moderator, member, Sanction.SUSPEND, days, 'x', 365)).toMatchObject({
        reason: 'INVALID_INPUT',
        field: 'days',
      });
    }
    expect(sanctionProblem(moderator, member, Sanction.WARN, 3, 'x', 365)).toMatchObject({ reason: 'INVALID_INPUT', field: 'days' });
  });

  it('needs a reason', () => {
    expect(sanctionProblem(moderator, member, Sanction.WARN, null, '  ', 365)).toMatchObject({ reason: 'INVALID_INPUT', field: 'reason' });
  });

  it('does not ban twice', () => {
    expect(sanctionProblem(moderator, { ...member, bannedAt: new Date() }, Sanction.BAN, null, 'x', 365)?.reason).toBe('ALREADY_BANNED');
  });
});

describe('suspensions', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('end N days later and never shorten a longer one', () => {
    expect(suspensionEnd(now, 3)).toEqual(new Date('2026-11-26T12:00:00Z'));
    expect(laterOf(new Date('2027-01-01T00:00:00Z'), suspensionEnd(now, 3))).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(laterOf(null, suspensionEnd(now, 3))).toEqual(new Date('2026-11-26T12:00:00Z'));
  });

  it('tell the member until when', () => {
    expect(suspensionMessage(new Date('2026-11-26T12:00:00Z'), 'sourcing')).toContain('until 2026-11-26T12:00:00.000Z');
  });
});
