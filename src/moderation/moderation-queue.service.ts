import { isUuid } from '../common/validation/uuid';
import { Inject, Injectable } from '@nestjs/common';
import { isStaff } from '../common/auth/role';
import { CommonError } from '../common/errors/common.errors';
import { decodeCursor, KeysetCursor, Page, pageSize, toPage } from '../common/pagination/cursor';
import { isTimeKey } from '../common/pagination/keyset';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { PRIORITY_RANK } from '../screening/engine/vocabulary';
import { CasePriority, CaseStatus } from './case-vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import { moderationErrors } from './moderation.errors';
import { ModerationCasesRepository, ModerationStats, QueueKey, QueueRow } from './repositories/moderation-cases.repository';
import { ModerationMembersRepository } from '../accounts/repositories/moderation-members.repository';

export type { ModerationStats } from './repositories/moderation-cases.repository';

export const QUEUE_PAGE_DEFAULT = 20;
/** A week: long enough to hold a quiet community's few cases, short enough to show this week's on-call. */
export const STATS_WINDOW_DEFAULT_HOURS = 7 * 24;

/** The moderators' reads: the queue (priority, then age; keyset pages), one case, the stats. */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly cases: ModerationCasesRepository,
    private readonly members: ModerationMembersRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async queue(options: {
    status?: CaseStatus | null;
    priority?: CasePriority | null;
    first?: number | null;
    after?: string | null;
  }): Promise<Page<ModerationCaseEntity>> {
    const size = pageSize(options.first, QUEUE_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const after = decodeQueueCursor(options.after);
    const rows = await this.cases.queuePage({ status: options.status, priority: options.priority, after, limit: size + 1 });
    const page = toPage(rows, size, (row: QueueRow): KeysetCursor => ({ k: [row.entity.priorityRank, row.timeKey], id: row.entity.id }));
    return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.entity })) };
  }

  async findCase(id: string): Promise<ModerationCaseEntity | null> {
    if (!isUuid(id)) return null;
    return this.cases.findById(id);
  }

  /**
   * Whether a session still belongs to a moderator or admin who may see the queue: a live
   * dashboard re-checks this for every event, so a revoked session, a ban or a lost role
   * ends the subscription at once.
   */
  async sessionMayModerate(sessionId: string): Promise<boolean> {
    const role = await this.members.liveSessionRole(sessionId);
    return role !== null && isStaff(role);
  }

  /** The queue now, and review times over the last `windowHours` (default a week; at most MODERATION_STATS_WINDOW_HOURS_MAX). */
  async stats(windowHours: number | null = null): Promise<ModerationStats> {
    const hours = windowHours ?? STATS_WINDOW_DEFAULT_HOURS;
    const max = this.config.moderation.statsWindowHoursMax;
    if (!Number.isInteger(hours) || hours < 1 || hours > max) {
      throw moderationErrors.invalid(`The window is a whole number of hours from 1 to ${max}.`, 'windowHours');
    }
    const [totals, byPriority] = await Promise.all([this.cases.totals(hours * 3600), this.cases.reviewTimes(hours * 3600)]);
    return { ...totals, windowHours: hours, byPriority };
  }
}

export function decodeQueueCursor(raw: string | null | undefined): QueueKey | null {
  const cursor = decodeCursor(raw, 2);
  if (cursor === null) return null;
  const [rank, time] = cursor.k;
  const ranks = Object.values(PRIORITY_RANK);
  if (typeof rank !== 'number' || !ranks.includes(rank) || !isTimeKey(time)) {
    throw new CommonError('INVALID_CURSOR', 'That page cursor is not valid. Start again from the first page.');
  }
  return { rank, time, id: cursor.id };
}
