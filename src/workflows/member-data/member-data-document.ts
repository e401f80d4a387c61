import type { AccountRecord } from '../../accounts/account-record.service';
import type { CheckInEntity } from '../../checkins/check-in.entity';
import type { PostEntity } from '../../forum/post.entity';
import type { ReactionEntity } from '../../forum/reaction.entity';
import type { FiledReport } from '../../moderation/repositories/reports.repository';
import type { DecisionOnPost } from '../../moderation/repositories/moderation-cases.repository';
import type { SanctionEntry } from '../../moderation/repositories/sanctions.repository';
import type { MemberConnections } from '../../forum/connections/connections.repository';
import type { NotificationEntity } from '../../notifications/notification.entity';
import type { ScreeningRecord } from '../../screening/screening-record';

/**
 * Pure: the rows Kindred holds about one member, turned into the document they download.
 * No database, no clock (generatedAt is passed in), so what goes in and what stays out is
 * tested here field by field.
 *
 * Shape: one top-level array per kind of record, each entry standing alone with its own
 * ids and ISO times. A new kind of record (check-ins, issue 10) is a new top-level key and
 * a new `version`; a reader ignores keys it does not know, so older readers keep working.
 */
export const MEMBER_DATA_FORMAT = 'kindred-member-data';
/** 2: check-ins (issue 10). */
export const MEMBER_DATA_VERSION = 2;

/** The post columns the document reads; the rest (the author id: it is the member; report hiding: see toPost) stay behind. */
export type PostRow = Pick<
  PostEntity,
  | 'id'
  | 'kind'
  | 'threadId'
  | 'inReplyToId'
  | 'title'
  | 'body'
  | 'status'
  | 'revision'
  | 'contentWarnings'
  | 'screening'
  | 'createdAt'
  | 'publishedAt'
  | 'editedAt'
  | 'withdrawnAt'
  | 'bodyErasedAt'
>;

export type CheckInRow = Pick<
  CheckInEntity,
  'id' | 'localDate' | 'timeZone' | 'mood' | 'intention' | 'note' | 'postId' | 'sharedPostId' | 'createdAt'
>;

export type ReactionRow = Pick<ReactionEntity, 'postId' | 'kind' | 'createdAt'>;
export type NotificationRow = Pick<NotificationEntity, 'id' | 'kind' | 'message' | 'postId' | 'createdAt' | 'readAt'>;

/** Everything the export loaded for one member, each domain's rows through its own repository. */
export interface MemberDataRows {
  record: AccountRecord;
  posts: readonly PostRow[];
  /** Thread id -> space id, for the threads of the member's posts. */
  threadSpaces: ReadonlyMap<string, string>;
  decisions: readonly DecisionOnPost[];
  reactions: readonly ReactionRow[];
  reports: readonly FiledReport[];
  sanctions: readonly SanctionEntry[];
  notifications: readonly NotificationRow[];
  draftChecks: readonly Date[];
  edits: readonly Date[];
  /** Follows, bookmarks, mutes and blocks (issue 10); absent where a caller loaded none. */
  connections?: MemberConnections;
  checkIns: readonly CheckInRow[];
  /** The member's COLLAPSE and HIDE choices (SHOW is no row). */
  contentPreferences: ReadonlyArray<{ warning: string; display: string }>;
}

export interface ExportedPost {
  id: string;
  kind: string;
  threadId: string;
  spaceId: string | null;
  inReplyToId: string | null;
  title: string | null;
  body: string;
  status: string;
  /** Edits made so far plus one. Earlier wordings are not kept, so there is no edit history to give. */
  revision: number;
  contentWarnings: string[];
  createdAt: string;
  publishedAt: string | null;
  editedAt: string | null;
  withdrawnAt: string | null;
  /** When the words of a withdrawn post were erased (title and body are then placeholders). */
  wordsErasedAt: string | null;
  screening: ExportedScreening | null;
  moderatorDecisions: Array<{ decision: string; decidedAt: string; noteToAuthor: string | null }>;
}

/** What screening told the author about the post's latest revision (Post.screening in the API). */
export type ExportedScreening = Omit<ScreeningRecord, 'screenedAt'> & { screenedAt: string };

export interface MemberDataDocument {
  format: typeof MEMBER_DATA_FORMAT;
  version: typeof MEMBER_DATA_VERSION;
  generatedAt: string;
  account: {
    id: string;
    pseudonym: string;
    role: string;
    perspective: string;
    joinedAt: string;
    recoveryStartDate: string | null;
    showRecoveryDays: boolean;
    /** Progress (issue 10): the member's time zone, medication (MOUD) start, came-back days and pathway tags. */
    timeZone: string;
    medicationStartDate: string | null;
    comebackDates: string[];
    pathways: string[];
    suspendedUntil: string | null;
    bannedAt: string | null;
    /** Report standing counts days with a signed-in request: a date and a count, never times. */
    daysActive: number;
    lastActiveOn: string | null;
    sessions: { count: number; list: Array<{ createdAt: string; expiresAt: string; endedAt: string | null }> };
    recoveryCodesRemaining: number;
  };
  posts: ExportedPost[];
  reactions: Array<{ postId: string; kind: string; createdAt: string }>;
  reports: Array<{
    id: string;
    postId: string;
    reason: string;
    note: string | null;
    createdAt: string;
    status: 'AWAITING_REVIEW' | 'REVIEWED';
    /** What the member was told of it (ACTED_ON, LEFT_UP, POST_GONE), null until its case closed. */
    answer: string | null;
  }>;
  sanctions: Array<{ action: string; at: string; reasonAsTold: string | null }>;
  notifications: Array<{ id: string; kind: string; message: string; postId: string | null; createdAt: string; readAt: string | null }>;
  /** What the member chose to follow, keep, mute and block: ids and times only. Never who blocked them. */
  connections: {
    followedThreads: Array<{ threadId: string; createdAt: string }>;
    bookmarks: Array<{ postId: string; createdAt: string }>;
    mutedThreads: Array<{ threadId: string; createdAt: string }>;
    mutedSpaces: Array<{ spaceId: string; createdAt: string }>;
    blockedMembers: Array<{ memberId: string; createdAt: string }>;
  };
  /** Daily check-ins, oldest first; privatePostId is the post that carried their words through screening (in posts). */
  checkIns: Array<{
    id: string;
    localDate: string;
    timeZone: string;
    mood: number;
    intention: string;
    note: string | null;
    privatePostId: string;
    sharedPostId: string | null;
    createdAt: string;
  }>;
  /**
   * When the member checked a draft, edited a post and downloaded their data: kept only to
   * count the rate limits, who and when but never what, and only as far back as each window.
   */
  rateLimitLogs: { draftChecks: string[]; edits: string[]; dataExports: string[] };
  contentPreferences: Array<{ warning: string; display: string }>;
}

/**
 * The sanctions whose reason the member was sent (sanctions.service: a warning and a
 * suspension each come with a notification quoting it). A ban's reason reaches nobody but
 * the moderators, and a lift's reason is an admin's justification in the audit log: the
 * entry is given with its date, its reason stays the operator's record.
 */
const REASON_TOLD: Readonly<Record<SanctionEntry['action'], boolean>> = {
  WARN: true,
  SUSPEND: true,
  BAN: false,
  LIFT_SUSPENSION: false,
  LIFT_BAN: false,
};

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function toScreening(record: ScreeningRecord | null): ExportedScreening | null {
  if (record === null) return null;
  return {
    revision: record.revision,
    outcome: record.outcome,
    categories: [...record.categories],
    reasons: [...record.reasons],
    suggestions: record.suggestions.map((suggestion) => ({ ...suggestion })),
    crisisResources: record.crisisResources,
    screenedAt: record.screenedAt,
  };
}

/**
 * Whether reports hid the post is left out: the author is not told of it, and it tells of
 * other members' reports. So are the case's reasons: screening's reach the author in plain
 * words through `screening`, the excerpts and spans are the moderators' view, and reports'
 * reasons and notes are the reporters' data.
 */
function toPost(post: PostRow, spaceId: string | null, decisions: readonly DecisionOnPost[]): ExportedPost {
  return {
    id: post.id,
    kind: post.kind,
    threadId: post.threadId,
    spaceId,
    inReplyToId: post.inReplyToId,
    title: post.title,
    body: post.body,
    status: post.status,
    revision: post.revision,
    contentWarnings: [...post.contentWarnings],
    createdAt: iso(post.createdAt),
    publishedAt: iso(post.publishedAt),
    editedAt: iso(post.editedAt),
    withdrawnAt: iso(post.withdrawnAt),
    wordsErasedAt: iso(post.bodyErasedAt),
    screening: toScreening(post.screening),
    // The decision and the note written to the author; who decided and the moderators' internal
    // note are not here (the repository does not even select them): those are other people's data.
    moderatorDecisions: decisions.map((decision) => ({
      decision: decision.decision,
      decidedAt: iso(decision.decidedAt),
      noteToAuthor: decision.noteToAuthor,
    })),
  };
}

function groupByPost(decisions: readonly DecisionOnPost[]): Map<string, DecisionOnPost[]> {
  const byPost = new Map<string, DecisionOnPost[]>();
  for (const decision of decisions) byPost.set(decision.postId, [...(byPost.get(decision.postId) ?? []), decision]);
  return byPost;
}

export function buildMemberDataDocument(rows: MemberDataRows, generatedAt: Date): MemberDataDocument {
  const { account, sessions, recoveryCodesRemaining, dataExports, comebackDates } = rows.record;
  const ownPosts = new Set(rows.posts.map((post) => post.id));
  // Only decisions on the member's own posts, whatever the caller loaded.
  const decisions = groupByPost(rows.decisions.filter((decision) => ownPosts.has(decision.postId)));
  return {
    format: MEMBER_DATA_FORMAT,
    version: MEMBER_DATA_VERSION,
    generatedAt: iso(generatedAt),
    account: {
      id: account.id,
      pseudonym: account.pseudonym,
      role: account.role,
      perspective: account.perspective,
      joinedAt: iso(account.createdAt),
      recoveryStartDate: account.recoveryStartDate,
      showRecoveryDays: account.shareRecoveryDays,
      timeZone: account.timeZone,
      medicationStartDate: account.medicationStartDate,
      comebackDates: [...comebackDates],
      pathways: [...account.pathways],
      suspendedUntil: iso(account.suspendedUntil),
      bannedAt: iso(account.bannedAt),
      daysActive: account.daysActive,
      lastActiveOn: account.lastActiveOn,
      sessions: {
        count: sessions.length,
        list: sessions.map((session) => ({
          createdAt: iso(session.createdAt),
          expiresAt: iso(session.expiresAt),
          endedAt: iso(session.revokedAt),
        })),
      },
      recoveryCodesRemaining,
    },
    posts: rows.posts.map((post) => toPost(post, rows.threadSpaces.get(post.threadId) ?? null, decisions.get(post.id) ?? [])),
    reactions: rows.reactions.map((reaction) => ({ postId: reaction.postId, kind: reaction.kind, createdAt: iso(reaction.createdAt) })),
    // The member's own words and the reported post's id; never that post's text or author.
    reports: rows.reports.map((report) => ({
      id: report.id,
      postId: report.postId,
      reason: report.reason,
      note: report.note,
      createdAt: iso(report.createdAt),
      status: report.reviewed ? 'REVIEWED' : 'AWAITING_REVIEW',
      answer: report.answer,
    })),
    sanctions: rows.sanctions.map((sanction) => ({
      action: sanction.action,
      at: iso(sanction.at),
      reasonAsTold: REASON_TOLD[sanction.action] ? sanction.reason : null,
    })),
    notifications: rows.notifications.map((notification) => ({
      id: notification.id,
      kind: notification.kind,
      message: notification.message,
      postId: notification.postId,
      createdAt: iso(notification.createdAt),
      readAt: iso(notification.readAt),
    })),
    connections: {
      followedThreads: (rows.connections?.follows ?? []).map((row) => ({ threadId: row.threadId, createdAt: iso(row.createdAt) })),
      bookmarks: (rows.connections?.bookmarks ?? []).map((row) => ({ postId: row.postId, createdAt: iso(row.createdAt) })),
      mutedThreads: (rows.connections?.threadMutes ?? []).map((row) => ({ threadId: row.threadId, createdAt: iso(row.createdAt) })),
      mutedSpaces: (rows.connections?.spaceMutes ?? []).map((row) => ({ spaceId: row.spaceId, createdAt: iso(row.createdAt) })),
      blockedMembers: (rows.connections?.blocks ?? []).map((row) => ({ memberId: row.blockedId, createdAt: iso(row.createdAt) })),
    },
    checkIns: rows.checkIns.map((checkIn) => ({
      id: checkIn.id,
      localDate: checkIn.localDate,
      timeZone: checkIn.timeZone,
      mood: checkIn.mood,
      intention: checkIn.intention,
      note: checkIn.note,
      privatePostId: checkIn.postId,
      sharedPostId: checkIn.sharedPostId,
      createdAt: iso(checkIn.createdAt),
    })),
    rateLimitLogs: {
      draftChecks: rows.draftChecks.map((at) => iso(at)),
      edits: rows.edits.map((at) => iso(at)),
      dataExports: dataExports.map((at) => iso(at)),
    },
    contentPreferences: rows.contentPreferences.map(({ warning, display }) => ({ warning, display })),
  };
}

/** The download's name: the date only, so the file says nothing about who it belongs to. */
export function memberDataFileName(generatedAt: Date): string {
  return `kindred-my-data-${generatedAt.toISOString().slice(0, 10)}.json`;
}

/** Indented: a person may well open the file in a text editor. */
export function memberDataJson(document: MemberDataDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
