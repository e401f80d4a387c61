import DataLoader from 'dataloader';
import type { CaseReasonEntity } from './case-reason.entity';
import type { ModerationActionEntity } from '../audit/moderation-action.entity';
import type { ModerationCaseEntity } from './moderation-case.entity';
import type { AuthorCasesKey, ModerationCasesRepository } from './repositories/moderation-cases.repository';
import type { ReportsRepository } from './repositories/reports.repository';

/**
 * The moderation domain's per-request DataLoaders: a queue page costs one statement per
 * relation, whatever its size. Kept on the request's GraphQL context object (created on
 * first use), so they live and die with the request like the other domains' loaders.
 */
export interface ModerationLoaders {
  reasonsByCase: DataLoader<string, CaseReasonEntity[]>;
  reportCountByCase: DataLoader<string, number>;
  historyByCase: DataLoader<string, ModerationActionEntity[]>;
  /** Keyed by case and page size: two selections of one case may ask for different sizes. */
  otherCasesOfAuthor: DataLoader<AuthorCasesKey, ModerationCaseEntity[], string>;
  /** The answer a reporter was given about a post they reported, null before the case closed. */
  reportAnswerOf: DataLoader<ReportAnswerKey, string | null, string>;
}

export interface ReportAnswerKey {
  reporterId: string;
  postId: string;
}

function reportAnswerKey(key: ReportAnswerKey): string {
  return `${key.reporterId}:${key.postId}`;
}

function authorCasesKey(key: AuthorCasesKey): string {
  return `${key.caseId}:${key.limit}`;
}

const KEY = Symbol('kindred:moderation-loaders');

function grouped<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

/** Where the loaders read from: the repositories of cases and of reports. */
export interface ModerationLoaderSources {
  cases: ModerationCasesRepository;
  reports: ReportsRepository;
}

export function createModerationLoaders(sources: ModerationLoaderSources): ModerationLoaders {
  return {
    reasonsByCase: new DataLoader(async (ids) => grouped(ids, await sources.cases.reasonsOfCases(ids), (row) => row.caseId)),
    reportCountByCase: new DataLoader(async (ids) => {
      const counts = await sources.reports.countsByCase(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    historyByCase: new DataLoader(async (ids) => grouped(ids, await sources.cases.historyOfCases(ids), (row) => row.caseId as string)),
    otherCasesOfAuthor: new DataLoader(
      async (keys) => {
        const rows = await sources.cases.otherCasesOfAuthors(keys);
        const lists = grouped(keys.map(authorCasesKey), rows, (row) => authorCasesKey({ caseId: row.forCaseId, limit: row.limit }));
        return lists.map((list) => list.map((row) => row.entity));
      },
      { cacheKeyFn: authorCasesKey },
    ),
    reportAnswerOf: new DataLoader(
      async (keys) => {
        // A notification page belongs to one reader: in practice one statement per page.
        const answers = new Map<string, string>();
        for (const reporterId of new Set(keys.map((key) => key.reporterId))) {
          const postIds = keys.filter((key) => key.reporterId === reporterId).map((key) => key.postId);
          for (const [postId, answer] of await sources.reports.answersOf(reporterId, postIds))
            answers.set(reportAnswerKey({ reporterId, postId }), answer);
        }
        return keys.map((key) => answers.get(reportAnswerKey(key)) ?? null);
      },
      { cacheKeyFn: reportAnswerKey },
    ),
  };
}

/** The loaders of this request (one set per GraphQL context object). */
export function moderationLoaders(context: object, sources: ModerationLoaderSources): ModerationLoaders {
  const holder = context as { [KEY]?: ModerationLoaders };
  holder[KEY] ??= createModerationLoaders(sources);
  return holder[KEY];
}
