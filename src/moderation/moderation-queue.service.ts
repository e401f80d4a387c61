import { isUuid } from '../common/validation/uuid';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStaff } from '../common/auth/role';
import { CommonError } from '../common/errors/common.errors';
import { decodeCursor, KeysetCursor, Page, pageSize, toPage } from '../common/pagination/cursor';
import { isTimeKey, timeKeySql } from '../common/pagination/keyset';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { PRIORITY_RANK } from '../screening/engine/vocabulary';
import { CasePriority, CaseStatus } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';

export const QUEUE_PAGE_DEFAULT = 20;


/** The status filter as the queue shows it: a claim that ran out counts as OPEN again. */
function statusCondition(status: CaseStatus | null | undefined): string {
  switch (status) {
    case CaseStatus.OPEN:
      return `(c.status = 'OPEN' OR (c.status = 'CLAIMED' AND (c.claim_expires_at IS NULL OR c.claim_expires_at <= now())))`;
    case CaseStatus.CLAIMED:
      return `(c.status = 'CLAIMED' AND c.claim_expires_at > now())`;
    case CaseStatus.RESOLVED:
      return `c.status = 'RESOLVED'`;
    default:
      return `c.status IN ('OPEN', 'CLAIMED')`;
  }
}

const CASE_COLUMNS = `c.id AS "id", c.post_id AS "postId", c.priority AS "priority", c.priority_rank AS "priorityRank", c.status AS "status",
  c.claimed_by_id AS "claimedById", c.claim_expires_at AS "claimExpiresAt", c.created_at AS "createdAt", c.resolved_at AS "resolvedAt", c.decision AS "decision"`;

function toCase(row: Record<string, unknown>): ModerationCaseEntity {
  const entity = new ModerationCaseEntity();
  Object.assign(entity, {
    id: row.id,
    postId: row.postId,
    priority: row.priority,
    priorityRank: Number(row.priorityRank),
    status: row.status,
    claimedById: row.claimedById ?? null,
    claimExpiresAt: row.claimExpiresAt ? new Date(row.claimExpiresAt as string) : null,
    createdAt: new Date(row.createdAt as string),
    resolvedAt: row.resolvedAt ? new Date(row.resolvedAt as string) : null,
    decision: row.decision ?? null,
  });
  return entity;
}

export interface ModerationStats {
  open: number;
  urgentOpen: number;
  oldestOpenAt: Date | null;
  medianSecondsToDecision: number | null;
}

/** The moderators' reads: the queue (priority, then age; keyset pages), one case, the stats. */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async queue(options: { status?: CaseStatus | null; priority?: CasePriority | null; first?: number | null; after?: string | null }): Promise<Page<ModerationCaseEntity>> {
    const size = pageSize(options.first, QUEUE_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeQueueCursor(options.after);
    const params: unknown[] = [];
    const conditions = [statusCondition(options.status)];
    if (options.priority) {
      params.push(options.priority);
      conditions.push(`c.priority = $${params.length}`);
    }
    if (cursor) {
      params.push(cursor.rank, cursor.time, cursor.id);
      conditions.push(`(c.priority_rank, c.created_at, c.id) > ($${params.length - 2}::int, $${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS}, ${timeKeySql('c.created_at')} AS "timeKey"
         FROM moderation_case c
        WHERE ${conditions.join(' AND ')}
        ORDER BY c.priority_rank ASC, c.created_at ASC, c.id ASC
        LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, size, (row): KeysetCursor => ({ k: [Number(row.priorityRank), row.timeKey as string], id: row.id as string }));
    return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toCase(edge.node) })) };
  }

  async findCase(id: string): Promise<ModerationCaseEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(ModerationCaseEntity).findOneBy({ id });
  }

  /**
   * Whether a session still belongs to a moderator or admin who may see the queue: a live
   * dashboard re-checks this for every event, so a revoked session, a ban or a lost role
   * ends the subscription at once.
   */
  async sessionMayModerate(sessionId: string): Promise<boolean> {
    const rows: Array<{ role: string }> = await this.dataSource.query(
      `SELECT a.role FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.banned_at IS NULL`,
      [sessionId],
    );
    return rows.length > 0 && isStaff(rows[0].role);
  }

  async stats(): Promise<ModerationStats> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED')) AS open,
         (SELECT count(*)::int FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED') AND priority = 'URGENT') AS urgent_open,
         (SELECT min(created_at) FROM moderation_case WHERE status IN ('OPEN', 'CLAIMED')) AS oldest_open_at,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
            FROM moderation_case WHERE status = 'RESOLVED' AND resolved_at > now() - interval '7 days') AS median_seconds`,
    )) as Array<{ open: number; urgent_open: number; oldest_open_at: Date | null; median_seconds: number | string | null }>;
    return {
      open: Number(row.open),
      urgentOpen: Number(row.urgent_open),
      oldestOpenAt: row.oldest_open_at ? new Date(row.oldest_open_at) : null,
      medianSecondsToDecision: row.median_seconds === null ? null : Number(row.median_seconds),
    };
  }
}

export function decodeQueueCursor(raw: string | null | undefined): { rank: number; time: string; id: string } | null {
  const cursor = decodeCursor(raw, 2);
  if (cursor === null) return null;
  const [rank, time] = cursor.k;
  const ranks = Object.values(PRIORITY_RANK);
  if (typeof rank !== 'number' || !ranks.includes(rank) || !isTimeKey(time)) {
    throw new CommonError('INVALID_CURSOR', 'That page cursor is not valid. Start again from the first page.');
  }
  return { rank, time, id: cursor.id };
}
