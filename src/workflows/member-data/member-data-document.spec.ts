import { Role } from '../../common/auth/role';
import { Perspective } from '../../accounts/perspective';
import type { ScreeningRecord } from '../../screening/screening-record';
import {
  buildMemberDataDocument,
  MEMBER_DATA_FORMAT,
  MEMBER_DATA_VERSION,
  MemberDataRows,
  memberDataFileName,
  memberDataJson,
  PostRow,
} from './member-data-document';

const AT = new Date('2026-12-06T12:00:00.000Z');
const T1 = new Date('2026-11-01T09:00:00.000Z');
const T2 = new Date('2026-11-02T10:30:00.000Z');

const HELD_SCREENING: ScreeningRecord = {
  revision: 1,
  outcome: 'HOLD',
  categories: ['DRUG_SOURCING'],
  reasons: ['Your words seem to be about buying, selling or trading drugs or medication, which Kindred does not allow.'],
  suggestions: [],
  crisisResources: false,
  screenedAt: '2026-11-02T10:30:01.000Z',
};

function post(fields: Partial<PostRow> & Pick<PostRow, 'id'>): PostRow {
  return {
    kind: 'THREAD',
    threadId: fields.id,
    inReplyToId: null,
    title: 'A title',
    body: 'Some words.',
    status: 'PUBLISHED',
    revision: 1,
    contentWarnings: [],
    screening: null,
    createdAt: T1,
    publishedAt: T1,
    editedAt: null,
    withdrawnAt: null,
    bodyErasedAt: null,
    ...fields,
  };
}

function rows(overrides: Partial<MemberDataRows> = {}): MemberDataRows {
  return {
    record: {
      account: {
        id: 'acct-a',
        pseudonym: 'QuietRiver42',
        role: Role.MEMBER,
        perspective: Perspective.IN_RECOVERY,
        recoveryStartDate: '2026-01-15',
        shareRecoveryDays: true,
        suspendedUntil: null,
        bannedAt: null,
        createdAt: T1,
        lastActiveOn: '2026-12-06',
        daysActive: 12,
        timeZone: 'UTC',
        medicationStartDate: null,
        pathways: ['SMART'],
      },
      sessions: [
        { createdAt: T1, expiresAt: new Date('2026-12-01T09:00:00.000Z'), revokedAt: T2 },
        { createdAt: T2, expiresAt: new Date('2026-12-02T10:30:00.000Z'), revokedAt: null },
      ],
      recoveryCodesRemaining: 9,
      dataExports: [AT],
      comebackDates: ['2026-02-01'],
    },
    posts: [
      post({ id: 'post-published' }),
      post({ id: 'post-held', status: 'HELD', createdAt: T2, publishedAt: null, screening: HELD_SCREENING, contentWarnings: ['RELAPSE'] }),
      post({ id: 'reply-1', kind: 'REPLY', threadId: 'thread-b', inReplyToId: 'thread-b', title: null }),
      post({ id: 'post-withdrawn', status: 'REMOVED', withdrawnAt: T2, bodyErasedAt: AT, title: 'Withdrawn by its author', body: '' }),
    ],
    threadSpaces: new Map([
      ['post-published', 'space-1'],
      ['post-held', 'space-1'],
      ['thread-b', 'space-2'],
      ['post-withdrawn', 'space-1'],
    ]),
    decisions: [
      { postId: 'post-held', decision: 'REQUEST_CHANGES', noteToAuthor: 'Please leave out where to buy.', decidedAt: T2 },
      { postId: 'someone-elses-post', decision: 'REMOVE', noteToAuthor: 'not for this member', decidedAt: T2 },
    ],
    reactions: [{ postId: 'thread-b', kind: 'SUPPORT', createdAt: T2 }],
    reports: [
      { id: 'report-1', postId: 'thread-b', reason: 'SPAM', note: 'Looks like an ad', createdAt: T2, reviewed: false, answer: null },
    ],
    sanctions: [
      { action: 'WARN', reason: 'Please be kind.', at: T1 },
      { action: 'SUSPEND', reason: 'Harassment again.', at: T2 },
      { action: 'LIFT_SUSPENSION', reason: 'an admin’s own justification', at: AT },
    ],
    notifications: [
      { id: 'note-1', kind: 'NEW_REPLY', message: 'Someone replied to you.', postId: 'reply-of-b', createdAt: T2, readAt: null },
    ],
    draftChecks: [T1],
    edits: [T1, T2],
    checkIns: [
      {
        id: 'check-in-1',
        localDate: '2026-12-05',
        timeZone: 'America/Chicago',
        mood: 2,
        intention: 'Go to my meeting',
        note: null,
        postId: 'check-in-post-1',
        sharedPostId: null,
        createdAt: T2,
      },
    ],
    contentPreferences: [{ warning: 'SELF_HARM', display: 'HIDE' }],
    ...overrides,
  };
}

describe('the member data document (pure)', () => {
  const document = buildMemberDataDocument(rows(), AT);

  it('holds the daily check-ins, with their words', () => {
    expect(document.checkIns).toEqual([
      {
        id: 'check-in-1',
        localDate: '2026-12-05',
        timeZone: 'America/Chicago',
        mood: 2,
        intention: 'Go to my meeting',
        note: null,
        privatePostId: 'check-in-post-1',
        sharedPostId: null,
        createdAt: T2.toISOString(),
      },
    ]);
  });

  it('names its format and version and when it was made', () => {
    expect(document).toMatchObject({ format: MEMBER_DATA_FORMAT, version: MEMBER_DATA_VERSION, generatedAt: AT.toISOString() });
  });

  it('gives the profile and the account’s state, sessions as dates and codes as a count', () => {
    expect(document.account).toEqual({
      id: 'acct-a',
      pseudonym: 'QuietRiver42',
      role: 'MEMBER',
      perspective: 'IN_RECOVERY',
      joinedAt: T1.toISOString(),
      recoveryStartDate: '2026-01-15',
      showRecoveryDays: true,
      timeZone: 'UTC',
      medicationStartDate: null,
      comebackDates: ['2026-02-01'],
      pathways: ['SMART'],
      suspendedUntil: null,
      bannedAt: null,
      daysActive: 12,
      lastActiveOn: '2026-12-06',
      sessions: {
        count: 2,
        list: [
          { createdAt: T1.toISOString(), expiresAt: '2026-12-01T09:00:00.000Z', endedAt: T2.toISOString() },
          { createdAt: T2.toISOString(), expiresAt: '2026-12-02T10:30:00.000Z', endedAt: null },
        ],
      },
      recoveryCodesRemaining: 9,
    });
  });

  it('gives every post in every state with its space, screening as the author saw it and the decisions with their notes', () => {
    expect(document.posts.map((p) => [p.id, p.status, p.spaceId])).toEqual([
      ['post-published', 'PUBLISHED', 'space-1'],
      ['post-held', 'HELD', 'space-1'],
      ['reply-1', 'PUBLISHED', 'space-2'],
      ['post-withdrawn', 'REMOVED', 'space-1'],
    ]);
    const held = document.posts[1];
    expect(held.contentWarnings).toEqual(['RELAPSE']);
    expect(held.screening).toEqual(HELD_SCREENING);
    expect(held.moderatorDecisions).toEqual([
      { decision: 'REQUEST_CHANGES', decidedAt: T2.toISOString(), noteToAuthor: 'Please leave out where to buy.' },
    ]);
    expect(document.posts[2]).toMatchObject({ kind: 'REPLY', threadId: 'thread-b', inReplyToId: 'thread-b', title: null });
    expect(document.posts[3]).toMatchObject({ withdrawnAt: T2.toISOString(), wordsErasedAt: AT.toISOString(), body: '' });
  });

  it('keeps a decision on someone else’s post out, even when one was loaded', () => {
    expect(JSON.stringify(document)).not.toContain('not for this member');
    expect(document.posts.flatMap((p) => p.moderatorDecisions)).toHaveLength(1);
  });

  it('gives reactions given and reports filed with the member’s own words and whether they were reviewed', () => {
    expect(document.reactions).toEqual([{ postId: 'thread-b', kind: 'SUPPORT', createdAt: T2.toISOString() }]);
    expect(document.reports).toEqual([
      {
        id: 'report-1',
        postId: 'thread-b',
        reason: 'SPAM',
        note: 'Looks like an ad',
        createdAt: T2.toISOString(),
        status: 'AWAITING_REVIEW',
        answer: null,
      },
    ]);
    const reviewed = buildMemberDataDocument(rows({ reports: [{ ...rows().reports[0], reviewed: true, answer: 'LEFT_UP' }] }), AT);
    expect(reviewed.reports[0]).toMatchObject({ status: 'REVIEWED', answer: 'LEFT_UP' });
  });

  it('gives a sanction’s reason only where the member was sent it', () => {
    expect(document.sanctions).toEqual([
      { action: 'WARN', at: T1.toISOString(), reasonAsTold: 'Please be kind.' },
      { action: 'SUSPEND', at: T2.toISOString(), reasonAsTold: 'Harassment again.' },
      { action: 'LIFT_SUSPENSION', at: AT.toISOString(), reasonAsTold: null },
    ]);
  });

  it('gives the notifications received, read or not', () => {
    expect(document.notifications).toEqual([
      {
        id: 'note-1',
        kind: 'NEW_REPLY',
        message: 'Someone replied to you.',
        postId: 'reply-of-b',
        createdAt: T2.toISOString(),
        readAt: null,
      },
    ]);
  });

  it('gives the rate limits’ logs as times only', () => {
    expect(document.rateLimitLogs).toEqual({
      draftChecks: [T1.toISOString()],
      edits: [T1.toISOString(), T2.toISOString()],
      dataExports: [AT.toISOString()],
    });
  });

  it('gives the progress records and content preferences the member chose', () => {
    expect(document.account).toMatchObject({
      timeZone: 'UTC',
      medicationStartDate: null,
      comebackDates: ['2026-02-01'],
      pathways: ['SMART'],
    });
    expect(document.contentPreferences).toEqual([{ warning: 'SELF_HARM', display: 'HIDE' }]);
  });

  it('leaves a post’s space empty rather than failing when its thread was not found', () => {
    const lone = buildMemberDataDocument(rows({ threadSpaces: new Map() }), AT);
    expect(lone.posts.every((p) => p.spaceId === null)).toBe(true);
  });

  it('carries no field the rows did not give: an extra column on a row stays out', () => {
    const withExtras = rows();
    const leaky = { ...withExtras.posts[0], authorId: 'acct-a', hiddenByReports: true, passphraseHash: 'argon2id$secret' } as PostRow;
    const account = {
      ...withExtras.record.account,
      passphraseHash: 'argon2id$secret',
      pseudonymKey: 'quietriver42',
    } as typeof withExtras.record.account;
    const record = { ...withExtras.record, account };
    const json = memberDataJson(buildMemberDataDocument({ ...withExtras, posts: [leaky], record }, AT));
    expect(json).not.toContain('argon2id');
    expect(json).not.toContain('hiddenByReports');
    expect(json).not.toContain('quietriver42');
  });

  it('is indented JSON that parses back to the document, under a name holding the date only', () => {
    expect(JSON.parse(memberDataJson(document))).toEqual(document);
    expect(memberDataJson(document)).toContain('\n  "account": {');
    expect(memberDataFileName(AT)).toBe('kindred-my-data-2026-12-06.json');
  });
});
