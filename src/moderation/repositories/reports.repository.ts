import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { booleanColumn, dateColumn, nullableDateColumn, nullableStringColumn, rowsOf, stringColumn } from '../../database/sql-result';
import type { ReporterRecord } from '../report-rules';
import { ReportEntity } from '../report.entity';

export interface NewReport {
  postId: string;
  reporterId: string;
  caseId: string;
  reason: string;
  note: string | null;
}

/** A report as the member who filed it knows it: what they said, and whether a moderator has closed the case it joined. */
export interface FiledReport {
  id: string;
  postId: string;
  reason: string;
  note: string | null;
  createdAt: Date;
  reviewed: boolean;
  /** What the reporter was told when the case closed (report-answers.ts), null before. */
  answer: string | null;
}

/** A report as Account.myReports lists it: the reporter's own words and what they were told. */
export interface MyReportRow {
  id: string;
  postId: string;
  reason: string;
  note: string | null;
  createdAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

/** A reporter to tell, once, that the case their report joined has closed. */
export interface ReporterToAnswer {
  reporterId: string;
  postId: string;
}

interface ReporterRow {
  age_hours: string | number;
  days_active: number | string;
  published_posts: number | string;
  days_since_warning: string | number | null;
  sanctioned: boolean;
}

function toReporterRecord(row: ReporterRow): ReporterRecord {
  return {
    accountAgeHours: Number(row.age_hours),
    daysActive: Number(row.days_active),
    publishedPosts: Number(row.published_posts),
    daysSinceLastWarning: row.days_since_warning === null ? null : Number(row.days_since_warning),
    everSuspendedOrBanned: row.sanctioned === true,
  };
}

/** Members' reports of posts, and what the database knows of the members who reported. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  hasReported(manager: EntityManager, postId: string, reporterId: string): Promise<boolean> {
    return manager.existsBy(ReportEntity, { postId, reporterId });
  }

  async add(manager: EntityManager, report: NewReport): Promise<void> {
    await manager.insert(ReportEntity, report);
  }

  /**
   * The record of each distinct member who reported on the case, for the standing rule
   * (report-rules.ts). Reads the accounts' and posts' tables and the audit log: counts and
   * ages only, no timestamps leave the database.
   */
  async reportersOfCase(manager: EntityManager, caseId: string): Promise<ReporterRecord[]> {
    const rows = (await manager.query(
      `SELECT extract(epoch FROM now() - a.created_at) / 3600 AS age_hours,
              a.days_active,
              (SELECT count(*) FROM post p WHERE p.author_id = a.id AND p.status = 'PUBLISHED')::int AS published_posts,
              (SELECT extract(epoch FROM now() - max(m.created_at)) / 86400 FROM moderation_action m
                WHERE m.subject_id = a.id AND m.action = 'WARN') AS days_since_warning,
              (a.banned_at IS NOT NULL OR a.suspended_until IS NOT NULL
                OR EXISTS (SELECT 1 FROM moderation_action m WHERE m.subject_id = a.id AND m.action IN ('SUSPEND', 'BAN'))) AS sanctioned
         FROM account a
        WHERE a.id IN (SELECT reporter_id FROM report WHERE case_id = $1)`,
      [caseId],
    )) as ReporterRow[];
    return rows.map(toReporterRecord);
  }

  /**
   * The reports the member filed, oldest first. Only the reporter's own columns and whether
   * the case is resolved: not the decision (it is about someone else's post) nor the post's words.
   */
  async filedBy(manager: EntityManager, reporterId: string): Promise<FiledReport[]> {
    const rows = rowsOf(
      await manager.query(
        `SELECT r.id, r.post_id, r.reason, r.note, r.created_at, (c.status = 'RESOLVED') AS reviewed, r.answer
           FROM report r JOIN moderation_case c ON c.id = r.case_id
          WHERE r.reporter_id = $1
          ORDER BY r.created_at, r.id`,
        [reporterId],
      ),
    );
    return rows.map((row) => ({
      id: stringColumn(row, 'id'),
      postId: stringColumn(row, 'post_id'),
      reason: stringColumn(row, 'reason'),
      note: nullableStringColumn(row, 'note'),
      createdAt: dateColumn(row, 'created_at'),
      reviewed: booleanColumn(row, 'reviewed'),
      answer: nullableStringColumn(row, 'answer'),
    }));
  }

  /**
   * Writes the answer on the case's reports that have none yet and returns their reporters,
   * in the caller's transaction (which holds the case's row lock). `answer IS NULL` is what
   * makes a reporter hear of their report once, even when the case is reopened and closed again.
   */
  async answerCase(manager: EntityManager, caseId: string, answer: string): Promise<ReporterToAnswer[]> {
    const rows = rowsOf(
      await manager.query(
        `UPDATE report SET answer = $2, answered_at = now() WHERE case_id = $1 AND answer IS NULL RETURNING reporter_id, post_id`,
        [caseId, answer],
      ),
    );
    return rows.map((row) => ({ reporterId: stringColumn(row, 'reporter_id'), postId: stringColumn(row, 'post_id') }));
  }

  /** The member's reports, newest first, at most `limit`. */
  async mine(reporterId: string, limit: number): Promise<MyReportRow[]> {
    const rows = rowsOf(
      await this.dataSource.query(
        `SELECT id, post_id, reason, note, created_at, answer, answered_at FROM report
          WHERE reporter_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
        [reporterId, limit],
      ),
    );
    return rows.map((row) => ({
      id: stringColumn(row, 'id'),
      postId: stringColumn(row, 'post_id'),
      reason: stringColumn(row, 'reason'),
      note: nullableStringColumn(row, 'note'),
      createdAt: dateColumn(row, 'created_at'),
      answer: nullableStringColumn(row, 'answer'),
      answeredAt: nullableDateColumn(row, 'answered_at'),
    }));
  }

  /** The answers a reporter was given, by reported post, in one statement (posts without one are absent). */
  async answersOf(reporterId: string, postIds: readonly string[]): Promise<Map<string, string>> {
    const rows = rowsOf(
      await this.dataSource.query(
        `SELECT post_id, answer FROM report WHERE reporter_id = $1 AND post_id = ANY($2::uuid[]) AND answer IS NOT NULL`,
        [reporterId, postIds],
      ),
    );
    return new Map(rows.map((row) => [stringColumn(row, 'post_id'), stringColumn(row, 'answer')]));
  }

  /** How many reports each case has (0 for none), in one statement. */
  async countsByCase(caseIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT case_id, count(*)::int AS count FROM report WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [caseIds],
    )) as Array<{
      case_id: string;
      count: number | string;
    }>;
    return new Map(rows.map((row) => [row.case_id, Number(row.count)]));
  }
}
