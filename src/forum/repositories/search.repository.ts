import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../../common/pagination/cursor';
import { rankCursor } from '../../common/pagination/keyset';
import { PostEntity } from '../post.entity';
import { notHiddenAuthorCondition, notHiddenByPreferenceCondition, publicPostCondition } from '../post-visibility';
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
   * Only `limits.candidates` matches are ranked, each from its stored search_vector, taken in
   * two steps whose cost is bounded whatever the planner estimates:
   * 1. `recent`: the `limits.recentWindow` newest public posts, walked through
   *    post_public_published_idx (a subquery with LIMIT, so the match filter stays above it),
   *    keeping the newest `candidates` that match. A common word stops here.
   * 2. `older`: only when step 1 found fewer (a one-time filter), matches from the GIN index
   *    post_search_idx outside step 1's, with a LIMIT and no ORDER BY, so Postgres stops early;
   *    the first of them fill the set up to `candidates`: all of a rare query's matches,
   *    wherever they are; for a mid-frequency one, a capped set in the table's order (mostly
   *    its oldest posts), not the newest.
   * Paging is by (rank, id) after the cursor, so pages never repeat a post.
   */
  async publicPostsMatching(
    query: string,
    cursor: { rank: number; id: string } | null,
    size: number,
    limits: { candidates: number; recentWindow: number },
    hiddenAuthorIds: readonly string[] | null = null,
    viewerId: string | null = null,
  ): Promise<Page<PostEntity>> {
    const params = new SqlParams();
    // Blocks (either way) hide a member's posts and the replies in their threads, whose thread
    // page is NOT_FOUND to the other member. Applied to the matches, like the thread's own rule.
    let notHidden = (_alias: string): string => '';
    if (hiddenAuthorIds) {
      const hidden = params.add(hiddenAuthorIds, 'uuid[]');
      notHidden = (alias) => `AND ${notHiddenAuthorCondition(alias, hidden)} AND ${notHiddenAuthorCondition('t', hidden)}`;
    }
    // The viewer's HIDE preferences apply to the ranked candidates, before the page's limit.
    const preference = viewerId === null ? '' : `WHERE ${notHiddenByPreferenceCondition('hp', params.add(viewerId, 'uuid'))}`;
    // Written out where it is used (not joined in as a row) so the planner sees the constant
    // query and estimates its matches from the column's statistics.
    const tsquery = `websearch_to_tsquery('english', ${params.add(query)})`;
    let afterCondition = '';
    if (cursor) {
      const rank = params.add(cursor.rank, 'real');
      afterCondition = `WHERE (hit.rank < ${rank} OR (hit.rank = ${rank} AND hit.id > ${params.add(cursor.id, 'uuid')}))`;
    }
    const candidateLimit = params.add(limits.candidates);
    const recentWindow = params.add(limits.recentWindow);
    const limit = params.add(size + 1);
    const rows = (await this.dataSource.query(
      `WITH recent AS MATERIALIZED (
         SELECT r.id, r.search_vector
           FROM (
             SELECT p.id, p.thread_id, p.author_id, p.search_vector, p.published_at
               FROM post p
              WHERE ${publicPostCondition('p')}
              ORDER BY p.published_at DESC, p.id DESC
              LIMIT ${recentWindow}
           ) r
           JOIN post t ON t.id = r.thread_id
          WHERE r.search_vector @@ ${tsquery}
            AND ${publicPostCondition('t')}
            ${notHidden('r')}
          ORDER BY r.published_at DESC, r.id DESC
          LIMIT ${candidateLimit}
       ), older AS MATERIALIZED (
         SELECT p.id, p.search_vector
           FROM post p
           JOIN post t ON t.id = p.thread_id
          WHERE (SELECT count(*) FROM recent) < ${candidateLimit}
            AND ${publicPostCondition('p')}
            AND p.search_vector @@ ${tsquery}
            AND p.id NOT IN (SELECT id FROM recent)
            AND ${publicPostCondition('t')}
            ${notHidden('p')}
          LIMIT ${candidateLimit}
       ), candidate AS (
         SELECT id, search_vector FROM recent
         UNION ALL
         (SELECT id, search_vector FROM older LIMIT ${candidateLimit} - (SELECT count(*) FROM recent))
       ), page AS (
         SELECT hit.id, hit.rank FROM (
           SELECT c.id, ts_rank(c.search_vector, ${tsquery})::real AS rank FROM candidate c
           ${viewerId === null ? '' : 'JOIN post hp ON hp.id = c.id'} ${preference}
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
