import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import { timeKeySql } from '../../common/pagination/keyset';
import {
  dateColumn,
  enumColumn,
  integerColumn,
  nullableDateColumn,
  nullableStringColumn,
  rowsOf,
  SqlRow,
  stringColumn,
} from '../../database/sql-result';
import type { NewCaseReason } from '../case-intake.service';
import { CaseReasonEntity } from '../case-reason.entity';
import { ReasonSource } from '../case-vocabulary';
import { ModerationActionEntity } from '../../audit/moderation-action.entity';
import { ModerationCaseEntity } from '../moderation-case.entity';
import { CasePriority, CaseStatus, Decision } from '../case-vocabulary';
import { QUOTE_SEPARATOR } from '../../screening/engine/detectors/reason';
import { PRIORITY_RANK } from '../../screening/engine/vocabulary';

/** A case waiting for a moderator: open, or claimed by someone whose claim ran out (as the queue shows it). */
export const UNCLAIMED_SQL = `(c.status = 'OPEN' OR (c.status = 'CLAIMED' AND (c.claim_expires_at IS NULL OR c.claim_expires_at <= now())))`;

/** Where a queue page starts: after the case with these sort values. */
export interface QueueKey {
  rank: number;
  /** The case's created_at as timeKeySql writes it (microseconds). */
  time: string;
  id: string;
}

export interface QueuePageQuery {
  status?: CaseStatus | null;
  priority?: CasePriority | null;
  after: QueueKey | null;
  limit: number;
}

export interface QueueRow {
  entity: ModerationCaseEntity;
  timeKey: string;
}

export interface QueueTotals {
  open: number;
  urgentOpen: number;
  oldestOpenAt: Date | null;
  medianSecondsToDecision: number | null;
}

export interface ModerationStats extends QueueTotals {
  windowHours: number;
  byPriority: PriorityReviewTimes[];
}

interface StatsRow {
  open: number | string;
  urgent_open: number | string;
  oldest_open_at: Date | string | null;
  median_seconds: number | string | null;
}

function toTotals(row: StatsRow | undefined): QueueTotals {
  if (!row) throw new Error('the moderation stats query returned no row');
  return {
    open: Number(row.open),
    urgentOpen: Number(row.urgent_open),
    oldestOpenAt: row.oldest_open_at === null ? null : new Date(row.oldest_open_at),
    medianSecondsToDecision: row.median_seconds === null ? null : Number(row.median_seconds),
  };
}

/** How fast one priority's cases were seen and decided over a window, and how many wait now. */
export interface PriorityReviewTimes {
  priority: CasePriority;
  /** Open now with nobody's live claim on them. */
  waiting: number;
  oldestWaitingSince: Date | null;
  /** Cases first claimed within the window, and their times from opening to that claim. */
  claimed: number;
  medianSecondsToClaim: number | null;
  p90SecondsToClaim: number | null;
  /** Cases a moderator decided within the window, and their times from opening to the decision. */
  decided: number;
  medianSecondsToDecision: number | null;
  p90SecondsToDecision: number | null;
}

/**
 * One row per priority, in the order given. A claim or decision counts in the window it
 * happened in; cases closed without a decision (a withdrawn post) are not decisions.
 */
const REVIEW_TIMES = `
  SELECT p.priority,
         (SELECT count(*)::int FROM moderation_case c WHERE c.priority = p.priority AND ${UNCLAIMED_SQL}) AS waiting,
         (SELECT min(c.created_at) FROM moderation_case c WHERE c.priority = p.priority AND ${UNCLAIMED_SQL}) AS oldest_waiting_since,
         cl.n AS claimed, cl.p50 AS claim_p50, cl.p90 AS claim_p90,
         de.n AS decided, de.p50 AS decision_p50, de.p90 AS decision_p90
    FROM unnest($1::text[]) WITH ORDINALITY AS p (priority, ord)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_claimed_at - c.created_at)) AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_claimed_at - c.created_at)) AS p90
        FROM moderation_case c
       WHERE c.priority = p.priority AND c.first_claimed_at >= now() - make_interval(secs => $2)
    ) cl
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at)) AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at)) AS p90
        FROM moderation_case c
       WHERE c.priority = p.priority AND c.decision IS NOT NULL AND c.resolved_at >= now() - make_interval(secs => $2)
    ) de
   ORDER BY p.ord`;

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A moderator's decision on a post, as its author may read it: no moderator, no internal note. */
export interface DecisionOnPost {
  postId: string;
  decision: Decision;
  noteToAuthor: string | null;
  decidedAt: Date;
}

/** Asks for the other cases of one case's author, newest first, at most `limit`. */
export interface AuthorCasesKey {
  caseId: string;
  limit: number;
}

/** One of the cases listed for a key: the key's case and limit, and the other case. */
export interface AuthorCaseRow {
  forCaseId: string;
  limit: number;
  entity: ModerationCaseEntity;
}

/**
 * For each (case, limit) pair: the other cases on posts by the same author, newest first.
 * A post without an author (a deleted account) matches nobody: NULL equals nothing.
 */
const OTHER_CASES_OF_AUTHORS = `
  SELECT k.case_id AS for_case_id, k.lim, o.id, o.post_id, o.priority, o.priority_rank, o.status, o.claimed_by_id,
         o.claim_expires_at, o.created_at, o.first_claimed_at, o.resolved_at, o.decision
    FROM unnest($1::uuid[], $2::int[]) AS k (case_id, lim)
    JOIN moderation_case c ON c.id = k.case_id
    JOIN post p ON p.id = c.post_id
   CROSS JOIN LATERAL (
     SELECT other.* FROM moderation_case other JOIN post op ON op.id = other.post_id
      WHERE op.author_id = p.author_id AND other.id <> c.id
      ORDER BY other.created_at DESC, other.id DESC
      LIMIT k.lim
   ) o
   ORDER BY k.case_id, k.lim, o.created_at DESC, o.id DESC`;

function caseOfRow(row: SqlRow): ModerationCaseEntity {
  return Object.assign(new ModerationCaseEntity(), {
    id: stringColumn(row, 'id'),
    postId: stringColumn(row, 'post_id'),
    priority: enumColumn(row, 'priority', CasePriority),
    priorityRank: integerColumn(row, 'priority_rank'),
    status: enumColumn(row, 'status', CaseStatus),
    claimedById: nullableStringColumn(row, 'claimed_by_id'),
    claimExpiresAt: nullableDateColumn(row, 'claim_expires_at'),
    createdAt: dateColumn(row, 'created_at'),
    firstClaimedAt: nullableDateColumn(row, 'first_claimed_at'),
    resolvedAt: nullableDateColumn(row, 'resolved_at'),
    decision: row.decision === null ? null : enumColumn(row, 'decision', Decision),
  });
}

/** The status filter as the queue shows it: a claim that ran out counts as OPEN again. */
function statusCondition(status: CaseStatus | null | undefined): string {
  switch (status) {
    case CaseStatus.OPEN:
      return UNCLAIMED_SQL;
    case CaseStatus.CLAIMED:
      return `(c.status = 'CLAIMED' AND c.claim_expires_at > now())`;
    case CaseStatus.RESOLVED:
      return `c.status = 'RESOLVED'`;
    default:
      return `c.status IN ('OPEN', 'CLAIMED')`;
  }
}

/**
 * The moderation case aggregate: cases and their reasons, and the history the audit log
 * keeps of them. Methods taking an EntityManager run in the caller's transaction; the
 * others read on their own.
 */
@Injectable()
export class ModerationCasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case under a row lock (held until the caller's transaction ends). */
  lockCase(manager: EntityManager, caseId: string): Promise<ModerationCaseEntity | null> {
    return manager.findOne(ModerationCaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The post's one unresolved case, under a row lock. */
  lockOpenCaseOfPost(manager: EntityManager, postId: string): Promise<ModerationCaseEntity | null> {
    return manager.findOne(ModerationCaseEntity, {
      where: { postId, status: Not(CaseStatus.RESOLVED) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The post's latest case that was decided REQUEST_CHANGES. */
  latestAwaitingChanges(manager: EntityManager, postId: string): Promise<ModerationCaseEntity | null> {
    return manager.findOne(ModerationCaseEntity, {
      where: { postId, decision: Decision.REQUEST_CHANGES, resolvedAt: Not(IsNull()) },
      order: { createdAt: 'DESC' },
    });
  }

  async open(manager: EntityManager, postId: string, priority: CasePriority): Promise<ModerationCaseEntity> {
    return manager.save(
      ModerationCaseEntity,
      manager.create(ModerationCaseEntity, { postId, priority, priorityRank: PRIORITY_RANK[priority], status: CaseStatus.OPEN }),
    );
  }

  /** Writes every column of a case the caller changed in memory (a reopened case). */
  async save(manager: EntityManager, entity: ModerationCaseEntity): Promise<void> {
    await manager.save(ModerationCaseEntity, entity);
  }

  async setPriority(manager: EntityManager, caseId: string, priority: CasePriority): Promise<void> {
    await manager.update(ModerationCaseEntity, { id: caseId }, { priority, priorityRank: PRIORITY_RANK[priority] });
  }

  async markClaimed(manager: EntityManager, caseId: string, moderatorId: string, expiresAt: Date): Promise<void> {
    await manager.update(
      ModerationCaseEntity,
      { id: caseId },
      {
        status: CaseStatus.CLAIMED,
        claimedById: moderatorId,
        claimExpiresAt: expiresAt,
        firstClaimedAt: () => 'COALESCE(first_claimed_at, now())',
      },
    );
  }

  async markReleased(manager: EntityManager, caseId: string): Promise<void> {
    await manager.update(ModerationCaseEntity, { id: caseId }, { status: CaseStatus.OPEN, claimedById: null, claimExpiresAt: null });
  }

  async markResolved(manager: EntityManager, caseId: string, decision: Decision, at: Date): Promise<void> {
    await manager.update(
      ModerationCaseEntity,
      { id: caseId },
      { status: CaseStatus.RESOLVED, decision, resolvedAt: at, claimExpiresAt: null },
    );
  }

  /** Resolved without a decision (decision stays null), at the transaction's now(). */
  async markClosed(manager: EntityManager, caseId: string): Promise<void> {
    await manager.update(
      ModerationCaseEntity,
      { id: caseId },
      { status: CaseStatus.RESOLVED, resolvedAt: () => 'now()', claimedById: null, claimExpiresAt: null },
    );
  }

  async addReasons(manager: EntityManager, caseId: string, reasons: NewCaseReason[]): Promise<void> {
    if (reasons.length === 0) return;
    await manager.insert(
      CaseReasonEntity,
      reasons.map((reason) => ({ ...reason, caseId })),
    );
  }

  /** Drops the case's screening reasons about revisions older than `revision`; returns how many went. */
  async dropScreeningReasonsBefore(manager: EntityManager, caseId: string, revision: number): Promise<number> {
    const result = await manager.delete(CaseReasonEntity, { caseId, source: ReasonSource.SCREENING, revision: LessThan(revision) });
    return result.affected ?? 0;
  }

  /** What the case's reasons say, in the caller's transaction: the category, how severe, and who gave it. */
  reasonCategories(manager: EntityManager, caseId: string): Promise<Array<Pick<CaseReasonEntity, 'category' | 'severity' | 'source'>>> {
    return manager.find(CaseReasonEntity, { select: { category: true, severity: true, source: true }, where: { caseId } });
  }

  countReasons(manager: EntityManager, caseId: string): Promise<number> {
    return manager.count(CaseReasonEntity, { where: { caseId } });
  }

  findById(caseId: string): Promise<ModerationCaseEntity | null> {
    return this.dataSource.getRepository(ModerationCaseEntity).findOneBy({ id: caseId });
  }

  /** One queue page in one statement: priority, then age, then id (the keyset), `limit` rows at most. */
  async queuePage(query: QueuePageQuery): Promise<QueueRow[]> {
    const builder = this.dataSource
      .getRepository(ModerationCaseEntity)
      .createQueryBuilder('c')
      .addSelect(timeKeySql('c.created_at'), 'timeKey')
      .where(statusCondition(query.status));
    if (query.priority) builder.andWhere('c.priority = :priority', { priority: query.priority });
    if (query.after) {
      builder.andWhere(
        '(c.priority_rank, c.created_at, c.id) > (CAST(:afterRank AS int), CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid))',
        {
          afterRank: query.after.rank,
          afterTime: query.after.time,
          afterId: query.after.id,
        },
      );
    }
    const { entities, raw } = await builder
      .orderBy('c.priorityRank', 'ASC')
      .addOrderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit)
      .getRawAndEntities<{ c_id: string; timeKey: string }>();
    const timeKeys = new Map(raw.map((row) => [row.c_id, row.timeKey]));
    return entities.map((entity) => {
      const timeKey = timeKeys.get(entity.id);
      if (typeof timeKey !== 'string') throw new Error(`queue row ${entity.id} came back without its time key`);
      return { entity, timeKey };
    });
  }

  /** The queue's totals now, and the median time to a decision over the last `windowSeconds`. */
  async totals(windowSeconds: number): Promise<QueueTotals> {
    const rows = (await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED')) AS open,
         (SELECT count(*)::int FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED') AND priority = 'URGENT') AS urgent_open,
         (SELECT min(created_at) FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED')) AS oldest_open_at,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
            FROM moderation_case WHERE decision IS NOT NULL AND resolved_at >= now() - make_interval(secs => $1)) AS median_seconds`,
      [windowSeconds],
    )) as StatsRow[];
    return toTotals(rows[0]);
  }

  /** Review times per priority over the last `windowSeconds`, most urgent first, in one statement. */
  async reviewTimes(windowSeconds: number): Promise<PriorityReviewTimes[]> {
    const priorities = Object.values(CasePriority).sort((a, b) => PRIORITY_RANK[a] - PRIORITY_RANK[b]);
    const rows = rowsOf(await this.dataSource.query(REVIEW_TIMES, [priorities, windowSeconds]));
    return rows.map((row) => ({
      priority: enumColumn(row, 'priority', CasePriority),
      waiting: integerColumn(row, 'waiting'),
      oldestWaitingSince: nullableDateColumn(row, 'oldest_waiting_since'),
      claimed: integerColumn(row, 'claimed'),
      medianSecondsToClaim: nullableNumber(row.claim_p50),
      p90SecondsToClaim: nullableNumber(row.claim_p90),
      decided: integerColumn(row, 'decided'),
      medianSecondsToDecision: nullableNumber(row.decision_p50),
      p90SecondsToDecision: nullableNumber(row.decision_p90),
    }));
  }

  /** The reasons of these cases, oldest first, in one statement. */
  reasonsOfCases(caseIds: readonly string[]): Promise<CaseReasonEntity[]> {
    return this.dataSource
      .getRepository(CaseReasonEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What the audit log holds about these cases, oldest first, in one statement. */
  historyOfCases(caseIds: readonly string[]): Promise<ModerationActionEntity[]> {
    return this.dataSource
      .getRepository(ModerationActionEntity)
      .find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The moderators' decisions on these posts, oldest first, from the audit log. Selects
   * neither moderator_id nor internal_note: who decided and what they noted for each other
   * are the moderators' records, not the author's data.
   */
  async decisionsOnPosts(manager: EntityManager, postIds: readonly string[]): Promise<DecisionOnPost[]> {
    if (postIds.length === 0) return [];
    const rows = rowsOf(
      await manager.query(
        `SELECT post_id, action, note, created_at FROM moderation_action
          WHERE post_id = ANY($1::uuid[]) AND action = ANY($2::text[])
          ORDER BY created_at, id`,
        [postIds, Object.values(Decision)],
      ),
    );
    return rows.map((row) => ({
      postId: stringColumn(row, 'post_id'),
      decision: enumColumn(row, 'action', Decision),
      noteToAuthor: nullableStringColumn(row, 'note'),
      decidedAt: dateColumn(row, 'created_at'),
    }));
  }

  /** The other cases of each key's author (moderators weigh a member's history), in one statement for them all. */
  async otherCasesOfAuthors(keys: readonly AuthorCasesKey[]): Promise<AuthorCaseRow[]> {
    const rows = rowsOf(await this.dataSource.query(OTHER_CASES_OF_AUTHORS, [keys.map((key) => key.caseId), keys.map((key) => key.limit)]));
    return rows.map((row) => ({ forCaseId: stringColumn(row, 'for_case_id'), limit: integerColumn(row, 'lim'), entity: caseOfRow(row) }));
  }

  /** The words the posts' cases quote from them (excerpts, and the quote in screening's explanation): erased with a withdrawn post's words. */
  async eraseExcerptsOfPosts(manager: EntityManager, postIds: readonly string[]): Promise<void> {
    // Screening's one-line explanation quotes the matched words after QUOTE_SEPARATOR (withoutQuote, in SQL).
    await manager.query(
      `UPDATE case_reason
          SET excerpt = NULL,
              detail = CASE WHEN source = 'SCREENING' AND strpos(detail, $2) > 0 THEN left(detail, strpos(detail, $2) - 1) ELSE detail END
        WHERE case_id IN (SELECT id FROM moderation_case WHERE post_id = ANY($1::uuid[]))`,
      [postIds, QUOTE_SEPARATOR],
    );
  }
}
