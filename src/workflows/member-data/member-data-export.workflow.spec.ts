import type { CheckInsRepository } from '../../checkins/repositories/check-ins.repository';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRecord, AccountRecordService } from '../../accounts/account-record.service';
import type { DataExportLimitService } from '../../accounts/data-export-limit.service';
import type { ConnectionsRepository } from '../../forum/connections/connections.repository';
import { Perspective } from '../../accounts/perspective';
import { Role } from '../../common/auth/role';
import type { Viewer } from '../../common/auth/viewer';
import { ErrorCode } from '../../common/errors/error-code';
import { PostEntity } from '../../forum/post.entity';
import type { PostingWindowsRepository } from '../../forum/repositories/posting-windows.repository';
import type { PostsRepository } from '../../forum/repositories/posts.repository';
import type { ReactionsRepository } from '../../forum/repositories/reactions.repository';
import type { ThreadsRepository } from '../../forum/repositories/threads.repository';
import { ThreadEntity } from '../../forum/thread.entity';
import type { ModerationCasesRepository } from '../../moderation/repositories/moderation-cases.repository';
import type { ReportsRepository } from '../../moderation/repositories/reports.repository';
import type { SanctionsRepository } from '../../moderation/repositories/sanctions.repository';
import type { NotificationsRepository } from '../../notifications/notifications.repository';
import type { DraftChecksRepository } from '../../screening/draft/draft-checks.repository';
import type { ContentPreferencesRepository } from '../../forum/content-preferences/content-preferences.repository';
import type { MemberDataDocument } from './member-data-document';
import { MemberDataExportWorkflow } from './member-data-export.workflow';

const VIEWER: Viewer = { accountId: 'acct-a', sessionId: 'session-1', role: Role.MEMBER, suspendedUntil: null };
const NOW = new Date('2026-12-06T12:00:00.000Z');

const RECORD: AccountRecord = {
  account: {
    id: 'acct-a',
    pseudonym: 'QuietRiver42',
    role: Role.MEMBER,
    perspective: Perspective.UNSPECIFIED,
    recoveryStartDate: null,
    shareRecoveryDays: false,
    suspendedUntil: null,
    bannedAt: null,
    createdAt: NOW,
    lastActiveOn: null,
    daysActive: 1,
    timeZone: 'UTC',
    medicationStartDate: null,
    pathways: [],
  },
  sessions: [],
  recoveryCodesRemaining: 10,
  dataExports: [NOW],
  comebackDates: [],
};

function postOf(id: string, threadId: string): PostEntity {
  return Object.assign(new PostEntity(), {
    id,
    kind: id === threadId ? 'THREAD' : 'REPLY',
    threadId,
    inReplyToId: null,
    authorId: 'acct-a',
    title: null,
    body: `words of ${id}`,
    status: 'PUBLISHED',
    revision: 1,
    contentWarnings: [],
    screening: null,
    createdAt: NOW,
    publishedAt: NOW,
    editedAt: null,
    withdrawnAt: null,
    bodyErasedAt: null,
    hiddenByReports: false,
    updatedAt: NOW,
  });
}

/** Every repository as a fake that notes what it was asked and in which transaction. */
function setUp(options: { limited?: boolean; record?: AccountRecord | null } = {}) {
  const log: string[] = [];
  const manager = { query: async (sql: string) => log.push(sql) } as unknown as EntityManager;
  const dataSource = {
    transaction: async <T>(isolation: string, work: (transactional: EntityManager) => Promise<T>) => {
      log.push(`begin ${isolation}`);
      const result = await work(manager);
      log.push('commit');
      return result;
    },
  } as unknown as DataSource;
  const inSnapshot = (used: EntityManager) => (used === manager ? '' : ' OUTSIDE THE SNAPSHOT');
  const limit: Pick<DataExportLimitService, 'take'> = {
    take: async (accountId) => {
      log.push(`take ${accountId}`);
      if (options.limited) throw new Error('RATE_LIMITED');
    },
  };
  const accounts: Pick<AccountRecordService, 'recordOf'> = {
    recordOf: async (used, accountId) => {
      log.push(`account ${accountId}${inSnapshot(used)}`);
      return options.record === undefined ? RECORD : options.record;
    },
  };
  const posts: Pick<PostsRepository, 'allByAuthor'> = {
    allByAuthor: async (used, authorId) => {
      log.push(`posts of ${authorId}${inSnapshot(used)}`);
      return [postOf('thread-a', 'thread-a'), postOf('reply-a', 'thread-b'), postOf('reply-a2', 'thread-b')];
    },
  };
  const threads: Pick<ThreadsRepository, 'findByIds'> = {
    findByIds: async (ids, used) => {
      log.push(`threads ${ids.join(',')}${inSnapshot(used as EntityManager)}`);
      return ids.map((id) => Object.assign(new ThreadEntity(), { id, spaceId: `space-of-${id}`, locked: false, lastActivityAt: NOW }));
    },
  };
  const reactions: Pick<ReactionsRepository, 'givenBy'> = {
    givenBy: async (used, accountId) => {
      log.push(`reactions of ${accountId}${inSnapshot(used)}`);
      return [];
    },
  };
  const cases: Pick<ModerationCasesRepository, 'decisionsOnPosts'> = {
    decisionsOnPosts: async (used, postIds) => {
      log.push(`decisions on ${postIds.join(',')}${inSnapshot(used)}`);
      return [];
    },
  };
  const reports: Pick<ReportsRepository, 'filedBy'> = {
    filedBy: async (used, reporterId) => {
      log.push(`reports of ${reporterId}${inSnapshot(used)}`);
      return [];
    },
  };
  const sanctions: Pick<SanctionsRepository, 'ofMember'> = {
    ofMember: async (used, accountId) => {
      log.push(`sanctions of ${accountId}${inSnapshot(used)}`);
      return [];
    },
  };
  const notifications: Pick<NotificationsRepository, 'allForAccount'> = {
    allForAccount: async (used, accountId) => {
      log.push(`notifications of ${accountId}${inSnapshot(used)}`);
      return [];
    },
  };
  const postingWindows: Pick<PostingWindowsRepository, 'editTimesOf'> = {
    editTimesOf: async (used, accountId) => {
      log.push(`edits of ${accountId}${inSnapshot(used)}`);
      return [];
    },
  };
  const draftChecks: Pick<DraftChecksRepository, 'timesOf'> = {
    timesOf: async (used, accountId) => {
      log.push(`draft checks of ${accountId}${inSnapshot(used)}`);
      return [];
    },
  };
  const connections: Pick<ConnectionsRepository, 'allOf'> = {
    allOf: () => Promise.resolve({ follows: [], bookmarks: [], threadMutes: [], spaceMutes: [], blocks: [] }),
  };
  const checkIns: Pick<CheckInsRepository, 'allOfAccount'> = {
    allOfAccount: async (accountId, used) => {
      log.push(`check-ins of ${accountId}${inSnapshot(used as EntityManager)}`);
      return [];
    },
  };
  const contentPreferences: Pick<ContentPreferencesRepository, 'of'> = {
    of: async (accountId, used) => {
      log.push(`content preferences of ${accountId}${used ? inSnapshot(used) : ' outside the snapshot'}`);
      return [];
    },
  };
  const workflow = new MemberDataExportWorkflow(
    dataSource,
    limit as DataExportLimitService,
    accounts as AccountRecordService,
    posts as PostsRepository,
    threads as ThreadsRepository,
    reactions as ReactionsRepository,
    cases as ModerationCasesRepository,
    reports as ReportsRepository,
    sanctions as SanctionsRepository,
    notifications as NotificationsRepository,
    postingWindows as PostingWindowsRepository,
    draftChecks as DraftChecksRepository,
    connections as ConnectionsRepository,
    checkIns as CheckInsRepository,
    contentPreferences as ContentPreferencesRepository,
  );
  return { workflow, log };
}

describe('MemberDataExportWorkflow', () => {
  it('counts the export, then reads every domain for the viewer only, in one read-only snapshot', async () => {
    const { workflow, log } = setUp();
    await workflow.export(VIEWER, NOW);
    expect(log).toEqual([
      'take acct-a',
      'begin REPEATABLE READ',
      'SET TRANSACTION READ ONLY',
      'account acct-a',
      'posts of acct-a',
      'threads thread-a,thread-b',
      'decisions on thread-a,reply-a,reply-a2',
      'reactions of acct-a',
      'reports of acct-a',
      'sanctions of acct-a',
      'notifications of acct-a',
      'draft checks of acct-a',
      'edits of acct-a',
      'check-ins of acct-a',
      'content preferences of acct-a',
      'commit',
    ]);
  });

  it('answers with the document as JSON text and a dated file name', async () => {
    const { workflow } = setUp();
    const exported = await workflow.export(VIEWER, NOW);
    expect(exported.fileName).toBe('kindred-my-data-2026-12-06.json');
    expect(exported.generatedAt).toEqual(NOW);
    const document = JSON.parse(exported.json) as MemberDataDocument;
    expect(document.account.pseudonym).toBe('QuietRiver42');
    expect(document.posts.map((post) => [post.id, post.spaceId])).toEqual([
      ['thread-a', 'space-of-thread-a'],
      ['reply-a', 'space-of-thread-b'],
      ['reply-a2', 'space-of-thread-b'],
    ]);
  });

  it('reads nothing when the limit refuses', async () => {
    const { workflow, log } = setUp({ limited: true });
    await expect(workflow.export(VIEWER, NOW)).rejects.toThrow('RATE_LIMITED');
    expect(log).toEqual(['take acct-a']);
  });

  it('refuses as signed out when the account went in the meantime', async () => {
    const { workflow, log } = setUp({ record: null });
    await expect(workflow.export(VIEWER, NOW)).rejects.toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
    expect(log).not.toContain('posts of acct-a');
  });
});
