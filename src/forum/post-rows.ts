import type { DataSource } from 'typeorm';
import { Page, toPage } from '../common/pagination/cursor';
import { afterTimeCondition, Direction, timeCursor, timeKeySql } from '../common/pagination/keyset';
import { PostEntity } from './post.entity';
import { ThreadEntity } from './thread.entity';

/**
 * Raw-SQL column lists for the lists the forum builds by hand (keyset conditions, ranks,
 * joins): columns aliased to entity property names, then hydrated into entities.
 */
export function postColumns(alias: string): string {
  return [
    `${alias}.id AS "id"`,
    `${alias}.kind AS "kind"`,
    `${alias}.thread_id AS "threadId"`,
    `${alias}.author_id AS "authorId"`,
    `${alias}.in_reply_to_id AS "inReplyToId"`,
    `${alias}.title AS "title"`,
    `${alias}.body AS "body"`,
    `${alias}.status AS "status"`,
    `${alias}.revision AS "revision"`,
    `${alias}.content_warnings AS "contentWarnings"`,
    `${alias}.hidden_by_reports AS "hiddenByReports"`,
    `${alias}.screening AS "screening"`,
    `${alias}.created_at AS "createdAt"`,
    `${alias}.updated_at AS "updatedAt"`,
    `${alias}.published_at AS "publishedAt"`,
    `${alias}.edited_at AS "editedAt"`,
  ].join(', ');
}

const POST_KEYS = ['id', 'kind', 'threadId', 'authorId', 'inReplyToId', 'title', 'body', 'status', 'revision', 'contentWarnings', 'hiddenByReports', 'screening', 'createdAt', 'updatedAt', 'publishedAt', 'editedAt'] as const;

export function toPost(row: Record<string, unknown>): PostEntity {
  const post = new PostEntity();
  for (const key of POST_KEYS) (post as unknown as Record<string, unknown>)[key] = row[key];
  return post;
}

/**
 * A page of the posts (alias p) that match `conditions`, by (created_at, id) in `direction`,
 * after `cursor`. `params` are the conditions' parameters ($1 on); the cursor's and the
 * limit's are appended here.
 */
export async function postPageByCreatedAt(
  dataSource: DataSource,
  query: { conditions: string[]; params: unknown[]; direction: Direction; cursor: { time: string; id: string } | null; size: number },
): Promise<Page<PostEntity>> {
  const { direction, cursor, size } = query;
  const params = [...query.params];
  const conditions = [...query.conditions];
  if (cursor) {
    params.push(cursor.time, cursor.id);
    conditions.push(afterTimeCondition('p.created_at', 'p.id', direction, `$${params.length - 1}`, `$${params.length}`));
  }
  params.push(size + 1);
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT ${postColumns('p')}, ${timeKeySql('p.created_at')} AS "sortKey"
       FROM post p
      WHERE ${conditions.join(' AND ')}
      ORDER BY p.created_at ${direction}, p.id ${direction}
      LIMIT $${params.length}`,
    params,
  );
  const page = toPage(rows, size, (row) => timeCursor(row.sortKey as string, row.id as string));
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toPost(edge.node) })) };
}

/** Thread columns prefixed `t_` so they can sit beside a post's columns in one row. */
export function threadColumns(alias: string): string {
  return `${alias}.space_id AS "t_spaceId", ${alias}.locked AS "t_locked", ${alias}.last_activity_at AS "t_lastActivityAt"`;
}

export function toThread(id: string, row: Record<string, unknown>): ThreadEntity {
  const thread = new ThreadEntity();
  thread.id = id;
  thread.spaceId = row.t_spaceId as string;
  thread.locked = row.t_locked as boolean;
  thread.lastActivityAt = row.t_lastActivityAt as Date;
  return thread;
}
