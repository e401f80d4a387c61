import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dateColumn, enumColumn, integerColumn, nullableDateColumn, rowsOf, SqlRow, stringColumn } from '../../database/sql-result';
import { CasePriority } from '../case-vocabulary';
import { UNCLAIMED_SQL } from '../repositories/moderation-cases.repository';
import { AlertChannelStatusEntity } from './alert-channel-status.entity';

/** A case nobody has claimed, due an alert. */
export interface UnclaimedCase {
  caseId: string;
  priority: CasePriority;
  createdAt: Date;
  waitingSeconds: number;
  /** Alerts it already had. */
  alertsSent: number;
}

/** A case alerted about that has since been claimed or closed, due its follow-up. */
export interface SettledCase {
  caseId: string;
  priority: CasePriority;
  createdAt: Date;
  kind: 'case.claimed' | 'case.closed';
  /** From opening to its first claim (or to its closing). */
  waitedSeconds: number;
  alertsSent: number;
}

export interface DueQuery {
  urgentAfterSeconds: number;
  /** null: HIGH cases never alert. */
  highAfterSeconds: number | null;
  repeatSeconds: number;
  limit: number;
}

/** Unclaimed as the queue shows it. The delay runs from the case's opening, so a case escalated to URGENT late alerts at once. */
const DUE_FOR_ALERT = `
  SELECT c.id, c.priority, c.created_at, extract(epoch FROM now() - c.created_at)::float8 AS waiting_seconds,
         coalesce(a.alerts_sent, 0) AS alerts_sent
    FROM moderation_case c
    LEFT JOIN case_alert a ON a.case_id = c.id
   WHERE ${UNCLAIMED_SQL}
     AND ((c.priority = 'URGENT' AND c.created_at <= now() - make_interval(secs => $1))
       OR ($2::int IS NOT NULL AND c.priority = 'HIGH' AND c.created_at <= now() - make_interval(secs => $2)))
     AND (a.case_id IS NULL OR a.last_alerted_at <= now() - make_interval(secs => $3))
   ORDER BY c.priority_rank, c.created_at, c.id
   LIMIT $4`;

const DUE_FOR_FOLLOW_UP = `
  SELECT c.id, c.priority, c.created_at, c.status, c.first_claimed_at, a.alerts_sent,
         extract(epoch FROM coalesce(c.first_claimed_at, c.resolved_at, now()) - c.created_at)::float8 AS waited_seconds
    FROM case_alert a
    JOIN moderation_case c ON c.id = a.case_id
   WHERE a.followed_up_at IS NULL
     AND (c.status = 'RESOLVED' OR (c.status = 'CLAIMED' AND c.claim_expires_at > now()))
   ORDER BY c.priority_rank, c.created_at, c.id
   LIMIT $1`;

function settledKind(row: SqlRow): SettledCase['kind'] {
  return stringColumn(row, 'status') === 'RESOLVED' && nullableDateColumn(row, 'first_claimed_at') === null
    ? 'case.closed'
    : 'case.claimed';
}

/** The on-call schedule (case_alert) and each channel's delivery record (alert_channel_status). */
@Injectable()
export class CaseAlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async dueForAlert(manager: EntityManager, query: DueQuery): Promise<UnclaimedCase[]> {
    const rows = rowsOf(
      await manager.query(DUE_FOR_ALERT, [query.urgentAfterSeconds, query.highAfterSeconds, query.repeatSeconds, query.limit]),
    );
    return rows.map((row) => ({
      caseId: stringColumn(row, 'id'),
      priority: enumColumn(row, 'priority', CasePriority),
      createdAt: dateColumn(row, 'created_at'),
      waitingSeconds: Number(row.waiting_seconds),
      alertsSent: integerColumn(row, 'alerts_sent'),
    }));
  }

  /** Counts one more alert for each case and clears its follow-up, so a claim after it is followed up again. */
  async recordAlerted(manager: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await manager.query(
      `INSERT INTO case_alert (case_id, alerts_sent, last_alerted_at)
       SELECT id, 1, now() FROM unnest($1::uuid[]) AS id
       ON CONFLICT (case_id) DO UPDATE SET alerts_sent = case_alert.alerts_sent + 1, last_alerted_at = now(), followed_up_at = NULL`,
      [caseIds],
    );
  }

  async dueForFollowUp(manager: EntityManager, limit: number): Promise<SettledCase[]> {
    const rows = rowsOf(await manager.query(DUE_FOR_FOLLOW_UP, [limit]));
    return rows.map((row) => ({
      caseId: stringColumn(row, 'id'),
      priority: enumColumn(row, 'priority', CasePriority),
      createdAt: dateColumn(row, 'created_at'),
      kind: settledKind(row),
      waitedSeconds: Number(row.waited_seconds),
      alertsSent: integerColumn(row, 'alerts_sent'),
    }));
  }

  async markFollowedUp(manager: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await manager.query(`UPDATE case_alert SET followed_up_at = now() WHERE case_id = ANY($1::uuid[])`, [caseIds]);
  }

  /** Whether a case is still open with nobody's live claim on it: a retried alert about a case claimed since is dropped. */
  async isUnclaimed(caseId: string): Promise<boolean> {
    const rows = rowsOf(await this.dataSource.query(`SELECT 1 FROM moderation_case c WHERE c.id = $1 AND ${UNCLAIMED_SQL}`, [caseId]));
    return rows.length > 0;
  }

  async recordDelivered(channel: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO alert_channel_status (channel, delivered_count, last_delivered_at) VALUES ($1, 1, now())
       ON CONFLICT (channel) DO UPDATE
         SET delivered_count = alert_channel_status.delivered_count + 1, consecutive_failures = 0, last_delivered_at = now()`,
      [channel],
    );
  }

  async recordFailed(channel: string, failure: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO alert_channel_status (channel, failed_count, consecutive_failures, last_failed_at, last_failure) VALUES ($1, 1, 1, now(), $2)
       ON CONFLICT (channel) DO UPDATE
         SET failed_count = alert_channel_status.failed_count + 1, consecutive_failures = alert_channel_status.consecutive_failures + 1,
             last_failed_at = now(), last_failure = $2`,
      [channel, failure],
    );
  }

  channelStatuses(): Promise<AlertChannelStatusEntity[]> {
    return this.dataSource.getRepository(AlertChannelStatusEntity).find({ order: { channel: 'ASC' } });
  }
}
