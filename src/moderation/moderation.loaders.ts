import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CaseReasonEntity } from './case-reason.entity';
import { ModerationActionEntity } from '../audit/moderation-action.entity';

/**
 * The moderation domain's per-request DataLoaders: a queue page costs one statement per
 * relation, whatever its size. Kept on the request's GraphQL context object (created on
 * first use), so they live and die with the request like the other domains' loaders.
 */
export interface ModerationLoaders {
  reasonsByCase: DataLoader<string, CaseReasonEntity[]>;
  reportCountByCase: DataLoader<string, number>;
  historyByCase: DataLoader<string, ModerationActionEntity[]>;
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

export function createModerationLoaders(dataSource: DataSource): ModerationLoaders {
  return {
    reasonsByCase: new DataLoader(async (ids) =>
      grouped(ids, await dataSource.getRepository(CaseReasonEntity).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (row) => row.caseId),
    ),
    reportCountByCase: new DataLoader(async (ids) => {
      const rows: Array<{ case_id: string; count: number }> = await dataSource.query(
        `SELECT case_id, count(*)::int AS count FROM report WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
        [ids],
      );
      const map = new Map(rows.map((row) => [row.case_id, Number(row.count)]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
    historyByCase: new DataLoader(async (ids) =>
      grouped(
        ids,
        await dataSource.getRepository(ModerationActionEntity).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (row) => row.caseId as string,
      ),
    ),
  };
}

/** The loaders of this request (one set per GraphQL context object). */
export function moderationLoaders(context: object, dataSource: DataSource): ModerationLoaders {
  const holder = context as { [KEY]?: ModerationLoaders };
  holder[KEY] ??= createModerationLoaders(dataSource);
  return holder[KEY];
}
