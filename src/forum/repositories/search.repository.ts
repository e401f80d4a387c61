import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { rankCursor } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import { publicPostCondition } from '../post-visibility';
import { EntityRows } from './entity-rows';
import { numberOf, pageOfRows, Row, textOf } from './row-values';
import { SqlParams } from './sql-params';

/**
 * Exactly the expression of the partial GIN index `post_search_idx` (InitialSchema): any
 * other spelling and Postgres scans the table instead.
 */
export function searchDocumentSql(alias: string): string {
  return `to_tsvector('english', coalesce(${alias}.title, '') || ' ' || ${alias}.body)`;
}

/** Full-text search over the post table. */
@Injectable()
export class SearchRepository {
  private readonly rows: EntityRows<PostEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new EntityRows(dataSource, PostEntity);
  }

  /**
   * Published, not hidden posts matching the websearch query (a reply only while its thread is
   * public too), best match first: ts_rank desc, then id; keyset over (rank, id). The rank is
   * float4; the cursor carries it as Postgres printed it, so it reads back exactly.
   */
  async publicPostsMatching(query: string, cursor: { rank: number; id: string } | null, size: number): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    const text = params.add(query);
    let afterCondition = '';
    if (cursor) {
      const rank = params.add(cursor.rank, 'real');
      afterCondition = `WHERE (hit.rank < ${rank} OR (hit.rank = ${rank} AND hit.id > ${params.add(cursor.id, 'uuid')}))`;
    }
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${this.rows.select('p')}, ts_rank(${searchDocumentSql('p')}, q.query)::real AS rank
           FROM post p
           CROSS JOIN websearch_to_tsquery('english', ${text}) AS q(query)
           JOIN post t ON t.id = p.thread_id
          WHERE ${publicPostCondition('p')}
            AND ${searchDocumentSql('p')} @@ q.query
            AND ${publicPostCondition('t')}
       ) hit
       ${afterCondition}
       ORDER BY hit.rank DESC, hit.id ASC
       LIMIT ${limit}`,
      params.values,
    )) as Row[];
    return pageOfRows(
      rows,
      size,
      (row) => rankCursor(numberOf(row, 'rank'), textOf(row, 'id')),
      (row) => this.rows.hydrate(row),
    );
  }
}
