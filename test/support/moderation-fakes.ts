import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { AccountEntity } from '../../src/accounts/account.entity';
import { Role } from '../../src/common/auth/role';
import type { Viewer } from '../../src/common/auth/viewer';
import { PostEntity } from '../../src/forum/post.entity';
import { PostKind, PostStatus } from '../../src/forum/post-status';
import { ThreadEntity } from '../../src/forum/thread.entity';
import { NotificationKind } from '../../src/notifications/notification-kind';
import { NotificationsRepository } from '../../src/notifications/notifications.repository';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { AuditEntry, AuditLogService } from '../../src/audit/audit-log.service';
import type { CaseChangeBus } from '../../src/moderation/case-change-bus';
import type { NewCaseReason } from '../../src/moderation/case-intake.service';
import type { CaseReasonEntity } from '../../src/moderation/case-reason.entity';
import { ModerationCaseEntity } from '../../src/moderation/moderation-case.entity';
import { CasePriority, CaseStatus, Decision } from '../../src/moderation/case-vocabulary';
import { PRIORITY_RANK } from '../../src/screening/engine/vocabulary';
import { ModerationEventsService } from '../../src/moderation/moderation-events.service';
import type { ReporterRecord } from '../../src/moderation/report-rules';
import { ModeratedPostsRepository } from '../../src/forum/repositories/moderated-posts.repository';
import { ModerationCasesRepository } from '../../src/moderation/repositories/moderation-cases.repository';
import { ModerationMembersRepository, SanctionState } from '../../src/accounts/repositories/moderation-members.repository';
import { NewReport, ReporterToAnswer, ReportsRepository } from '../../src/moderation/repositories/reports.repository';
import { DecisionExamplesRepository, NewDecisionExample } from '../../src/moderation/repositories/decision-examples.repository';
import { TransactionClock } from '../../src/moderation/repositories/transaction-clock';

/**
 * In-memory stand-ins for the moderation services' collaborators, for unit specs. Each fake
 * extends the real class, so it is checked against it by the compiler, and sits on a
 * DataSource that never connects: a service that reached past its repositories to the
 * database would fail its spec. Rollback is not modelled: the services check every rule
 * before their first write, and the specs assert nothing changed after a refusal.
 */
export function offlineDataSource(): DataSource {
  return new DataSource({ type: 'postgres' });
}

/** A DataSource whose transaction(work) runs `work` with its unconnected manager. */
export class OfflineTransactions extends DataSource {
  transactions = 0;

  constructor() {
    super({ type: 'postgres' });
  }

  override transaction<T>(runInTransaction: (entityManager: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, runInTransaction: (entityManager: EntityManager) => Promise<T>): Promise<T>;
  override async transaction<T>(
    first: IsolationLevel | ((entityManager: EntityManager) => Promise<T>),
    second?: (entityManager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const work = typeof first === 'function' ? first : second;
    if (!work) throw new Error('transaction() without work');
    this.transactions += 1;
    return work(this.manager);
  }
}

/** The database's clock, set by the spec. */
export class FixedClock extends TransactionClock {
  constructor(public current: Date = new Date('2026-11-30T09:00:00.000Z')) {
    super();
  }

  override async now(): Promise<Date> {
    return new Date(this.current);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export class RecordedAudit extends AuditLogService {
  readonly entries: AuditEntry[] = [];

  override async record(_manager: EntityManager, entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }

  actions(): string[] {
    return this.entries.map((entry) => entry.action);
  }
}

export class RecordedNotifications extends NotificationsService {
  readonly sent: Array<{ accountId: string; kind: NotificationKind; message: string }> = [];

  constructor() {
    super(untouchable<NotificationsRepository>('NotificationsRepository'));
  }

  override async notify(_manager: EntityManager, accountId: string | null, kind: NotificationKind, message: string): Promise<void> {
    if (accountId !== null) this.sent.push({ accountId, kind, message });
  }
}

/** Case events as published to live dashboards. */
export function recordedEvents(): { events: ModerationEventsService; published: string[] } {
  const published: string[] = [];
  const bus: CaseChangeBus = {
    kind: 'postgres',
    publish: async (caseId) => {
      published.push(caseId);
    },
    subscribe: async () => () => undefined,
    close: async () => undefined,
  };
  return { events: new ModerationEventsService(bus), published };
}

/** A collaborator the spec expects the service not to touch: any use fails the spec. */
export function untouchable<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => {
      throw new Error(`${name}.${String(property)} was used, but this spec expects it not to be`);
    },
  });
}

export function viewer(role: Role = Role.MODERATOR, accountId: string = randomUUID()): Viewer {
  return { accountId, sessionId: randomUUID(), role, suspendedUntil: null };
}

export class InMemoryCases extends ModerationCasesRepository {
  readonly cases = new Map<string, ModerationCaseEntity>();
  readonly reasons: Array<NewCaseReason & { caseId: string }> = [];

  constructor(private readonly clock: FixedClock) {
    super(offlineDataSource());
  }

  seed(fields: Partial<ModerationCaseEntity> = {}): ModerationCaseEntity {
    const priority = fields.priority ?? CasePriority.NORMAL;
    const entity = Object.assign(new ModerationCaseEntity(), {
      id: randomUUID(),
      postId: randomUUID(),
      priority,
      priorityRank: PRIORITY_RANK[priority],
      status: CaseStatus.OPEN,
      claimedById: null,
      claimExpiresAt: null,
      createdAt: new Date(this.clock.current),
      firstClaimedAt: null,
      resolvedAt: null,
      decision: null,
      ...fields,
    });
    this.cases.set(entity.id, entity);
    return this.stored(entity.id);
  }

  /** A copy of the stored row, as a fresh read would return it. */
  stored(caseId: string): ModerationCaseEntity {
    const row = this.cases.get(caseId);
    if (!row) throw new Error(`no case ${caseId}`);
    return Object.assign(new ModerationCaseEntity(), row);
  }

  private write(caseId: string, changes: Partial<ModerationCaseEntity>): void {
    const row = this.cases.get(caseId);
    if (!row) throw new Error(`no case ${caseId}`);
    Object.assign(row, changes);
  }

  override async lockCase(_manager: EntityManager, caseId: string): Promise<ModerationCaseEntity | null> {
    return this.cases.has(caseId) ? this.stored(caseId) : null;
  }

  override async lockOpenCaseOfPost(_manager: EntityManager, postId: string): Promise<ModerationCaseEntity | null> {
    const row = [...this.cases.values()].find((entity) => entity.postId === postId && entity.status !== CaseStatus.RESOLVED);
    return row ? this.stored(row.id) : null;
  }

  override async latestAwaitingChanges(_manager: EntityManager, postId: string): Promise<ModerationCaseEntity | null> {
    const rows = [...this.cases.values()]
      .filter((entity) => entity.postId === postId && entity.decision === Decision.REQUEST_CHANGES && entity.resolvedAt !== null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return rows.length > 0 ? this.stored(rows[0].id) : null;
  }

  override async open(_manager: EntityManager, postId: string, priority: CasePriority): Promise<ModerationCaseEntity> {
    return this.seed({ postId, priority });
  }

  override async save(_manager: EntityManager, entity: ModerationCaseEntity): Promise<void> {
    this.write(entity.id, { ...entity });
  }

  override async setPriority(_manager: EntityManager, caseId: string, priority: CasePriority): Promise<void> {
    this.write(caseId, { priority, priorityRank: PRIORITY_RANK[priority] });
  }

  override async markClaimed(_manager: EntityManager, caseId: string, moderatorId: string, expiresAt: Date): Promise<void> {
    const firstClaimedAt = this.cases.get(caseId)?.firstClaimedAt ?? new Date(this.clock.current);
    this.write(caseId, { status: CaseStatus.CLAIMED, claimedById: moderatorId, claimExpiresAt: expiresAt, firstClaimedAt });
  }

  override async markReleased(_manager: EntityManager, caseId: string): Promise<void> {
    this.write(caseId, { status: CaseStatus.OPEN, claimedById: null, claimExpiresAt: null });
  }

  override async markResolved(_manager: EntityManager, caseId: string, decision: Decision, at: Date): Promise<void> {
    this.write(caseId, { status: CaseStatus.RESOLVED, decision, resolvedAt: at, claimExpiresAt: null });
  }

  override async markClosed(_manager: EntityManager, caseId: string): Promise<void> {
    this.write(caseId, { status: CaseStatus.RESOLVED, resolvedAt: new Date(this.clock.current), claimedById: null, claimExpiresAt: null });
  }

  override async addReasons(_manager: EntityManager, caseId: string, reasons: NewCaseReason[]): Promise<void> {
    this.reasons.push(...reasons.map((reason) => ({ ...reason, caseId })));
  }

  override async dropScreeningReasonsBefore(_manager: EntityManager, caseId: string, revision: number): Promise<number> {
    const before = this.reasons.length;
    const kept = this.reasons.filter(
      (reason) => !(reason.caseId === caseId && reason.source === 'SCREENING' && reason.revision !== null && reason.revision < revision),
    );
    this.reasons.splice(0, this.reasons.length, ...kept);
    return before - kept.length;
  }

  override async countReasons(_manager: EntityManager, caseId: string): Promise<number> {
    return this.reasons.filter((reason) => reason.caseId === caseId).length;
  }

  override async reasonCategories(
    _manager: EntityManager,
    caseId: string,
  ): Promise<Array<Pick<CaseReasonEntity, 'category' | 'severity' | 'source'>>> {
    return this.reasonsOf(caseId).map(({ category, severity, source }) => ({ category, severity, source }));
  }

  override async findById(caseId: string): Promise<ModerationCaseEntity | null> {
    return this.cases.has(caseId) ? this.stored(caseId) : null;
  }

  reasonsOf(caseId: string): Array<NewCaseReason & { caseId: string }> {
    return this.reasons.filter((reason) => reason.caseId === caseId);
  }
}

export class InMemoryReports extends ReportsRepository {
  readonly reports: Array<NewReport & { answer?: string }> = [];
  /** Each member's record as the standing rule sees it. */
  readonly records = new Map<string, ReporterRecord>();

  constructor() {
    super(offlineDataSource());
  }

  override async hasReported(_manager: EntityManager, postId: string, reporterId: string): Promise<boolean> {
    return this.reports.some((report) => report.postId === postId && report.reporterId === reporterId);
  }

  override async add(_manager: EntityManager, report: NewReport): Promise<void> {
    this.reports.push(report);
  }

  override async answerCase(_manager: EntityManager, caseId: string, answer: string): Promise<ReporterToAnswer[]> {
    const unanswered = this.reports.filter((report) => report.caseId === caseId && report.answer === undefined);
    for (const report of unanswered) report.answer = answer;
    return unanswered.map(({ reporterId, postId }) => ({ reporterId, postId }));
  }

  override async reportersOfCase(_manager: EntityManager, caseId: string): Promise<ReporterRecord[]> {
    const reporters = new Set(this.reports.filter((report) => report.caseId === caseId).map((report) => report.reporterId));
    return [...reporters].map((id) => {
      const record = this.records.get(id);
      if (!record) throw new Error(`no record for reporter ${id}`);
      return record;
    });
  }
}

export class InMemoryForum extends ModeratedPostsRepository {
  readonly posts = new Map<string, PostEntity>();
  readonly threads = new Map<string, ThreadEntity>();

  seedPost(fields: Partial<PostEntity> = {}): PostEntity {
    const post = Object.assign(new PostEntity(), {
      id: randomUUID(),
      kind: PostKind.THREAD,
      threadId: '',
      authorId: randomUUID(),
      inReplyToId: null,
      title: 'A title',
      body: 'A body',
      status: PostStatus.PUBLISHED,
      revision: 1,
      contentWarnings: [],
      hiddenByReports: false,
      screening: null,
      createdAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt: new Date('2026-11-01T00:00:00Z'),
      publishedAt: new Date('2026-11-01T00:00:00Z'),
      editedAt: null,
      withdrawnAt: null,
      bodyErasedAt: null,
      ...fields,
    });
    if (post.threadId === '') post.threadId = post.id;
    this.posts.set(post.id, post);
    if (post.kind === PostKind.THREAD) {
      this.threads.set(
        post.id,
        Object.assign(new ThreadEntity(), { id: post.id, spaceId: randomUUID(), locked: false, lastActivityAt: post.createdAt }),
      );
    }
    return Object.assign(new PostEntity(), post);
  }

  override async lockPost(_manager: EntityManager, postId: string): Promise<PostEntity | null> {
    const post = this.posts.get(postId);
    return post ? Object.assign(new PostEntity(), post) : null;
  }

  override async hideByReports(_manager: EntityManager, postId: string): Promise<void> {
    const post = this.posts.get(postId);
    if (post) post.hiddenByReports = true;
  }

  override async lockThread(_manager: EntityManager, threadId: string): Promise<ThreadEntity | null> {
    const thread = this.threads.get(threadId);
    return thread ? Object.assign(new ThreadEntity(), thread) : null;
  }

  override async findOpeningPost(_manager: EntityManager, threadId: string): Promise<PostEntity | null> {
    const post = this.posts.get(threadId);
    return post && post.kind === PostKind.THREAD ? Object.assign(new PostEntity(), post) : null;
  }

  override async setThreadLocked(_manager: EntityManager, threadId: string, locked: boolean): Promise<void> {
    const thread = this.threads.get(threadId);
    if (thread) thread.locked = locked;
  }
}

export class InMemoryMembers extends ModerationMembersRepository {
  readonly accounts = new Map<string, AccountEntity>();
  /** Live sessions and the role behind each. */
  readonly sessions = new Map<string, Role>();

  constructor() {
    super(offlineDataSource());
  }

  seed(fields: Partial<AccountEntity> = {}): AccountEntity {
    const account = Object.assign(new AccountEntity(), {
      id: randomUUID(),
      pseudonym: `member-${Math.random().toString(36).slice(2, 8)}`,
      role: Role.MEMBER,
      suspendedUntil: null,
      bannedAt: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      daysActive: 10,
      ...fields,
    });
    this.accounts.set(account.id, account);
    return Object.assign(new AccountEntity(), account);
  }

  stored(memberId: string): AccountEntity {
    const account = this.accounts.get(memberId);
    if (!account) throw new Error(`no account ${memberId}`);
    return Object.assign(new AccountEntity(), account);
  }

  override async lockMember(_manager: EntityManager, memberId: string): Promise<AccountEntity | null> {
    return this.accounts.has(memberId) ? this.stored(memberId) : null;
  }

  override async findMember(memberId: string): Promise<AccountEntity | null> {
    return this.accounts.has(memberId) ? this.stored(memberId) : null;
  }

  override async writeSanctionState(_manager: EntityManager, memberId: string, state: SanctionState): Promise<void> {
    const account = this.accounts.get(memberId);
    if (account) Object.assign(account, state);
  }

  override async liveSessionRole(sessionId: string): Promise<Role | null> {
    return this.sessions.get(sessionId) ?? null;
  }
}

/** Decision examples by post id: one per post, as the table's key keeps them. */
export class InMemoryDecisionExamples extends DecisionExamplesRepository {
  readonly byPost = new Map<string, NewDecisionExample>();

  constructor() {
    super(offlineDataSource());
  }

  override async record(_manager: EntityManager, example: NewDecisionExample): Promise<void> {
    this.byPost.set(example.postId, { ...example, categories: [...example.categories] });
  }

  override async deleteForPosts(_manager: EntityManager, postIds: readonly string[]): Promise<void> {
    for (const id of postIds) this.byPost.delete(id);
  }
}
