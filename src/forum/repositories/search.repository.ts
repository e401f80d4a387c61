import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { rankCursor } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import { publicPostCondition } from '../post-visibility';
import { EntityRows } from './entity-rows';
import { numberOf, pageOfRows, Row, textOf } from './row-values';
import { SqlParams } from './sql-params';

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
   *
   * Only the `candidates` most recently published matches are ranked: all of a query's matches
   * while they are fewer, a very common word's newest ones otherwise. Each is ranked from its
   * stored search_vector, never parsed again. Postgres takes the candidates either from the GIN
   * index (fewer matches) or by walking post_public_published_idx from its newest end until it
   * has enough (a common word), so a page costs about the same at any size of forum.
   */
  async publicPostsMatching(
    query: string,
    cursor: { rank: number; id: string } | null,
    size: number,
    candidates: number,
  ): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    // Written out where it is used (not joined in as a row) so the planner sees the constant
    // query and estimates its matches from the column's statistics.
    const tsquery = `websearch_to_tsquery('english', ${params.add(query)})`;
    let afterCondition = '';
    if (cursor) {
      const rank = params.add(cursor.rank, 'real');
      afterCondition = `WHERE (hit.rank < ${rank} OR (hit.rank = ${rank} AND hit.id > ${params.add(cursor.id, 'uuid')}))`;
    }
    const candidateLimit = params.add(candidates);
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `WITH candidate AS (
         SELECT p.id, p.search_vector
           FROM post p
           JOIN post t ON t.id = p.thread_id
          WHERE ${publicPostCondition('p')}
            AND p.search_vector @@ ${tsquery}
            AND ${publicPostCondition('t')}
          ORDER BY p.published_at DESC, p.id DESC
          LIMIT ${candidateLimit}
       ), page AS (
         SELECT hit.id, hit.rank FROM (
           SELECT c.id, ts_rank(c.search_vector, ${tsquery})::real AS rank FROM candidate c
         ) hit
         ${afterCondition}
         ORDER BY hit.rank DESC, hit.id ASC
         LIMIT ${limit}
       )
       SELECT ${this.rows.select('p')}, page.rank
         FROM page JOIN post p ON p.id = page.id
        ORDER BY page.rank DESC, page.id ASC`,
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
