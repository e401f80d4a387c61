import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, pageSize, toPage } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { decodeRankCursor, rankCursor } from '../common/pagination/keyset';
import { postColumns, toPost } from './post-rows';
import { validateSearchQuery } from './post-input';
import { PostEntity } from './post.entity';
import { publicPostCondition } from './post-visibility';

export const SEARCH_PAGE_DEFAULT = 20;

/**
 * Exactly the expression of the partial GIN index `post_search_idx` (InitialSchema): any
 * other spelling and Postgres scans the table instead.
 */
export function searchDocumentSql(alias: string): string {
  return `to_tsvector('english', coalesce(${alias}.title, '') || ' ' || ${alias}.body)`;
}

/**
 * Full-text search over published, not hidden threads and replies (a reply only while its
 * thread is public too), best match first: ts_rank desc, then id; keyset over (rank, id).
 * The rank is float4; the cursor carries it as Postgres printed it, so it reads back exactly.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async search(rawQuery: string, first?: number | null, after?: string | null): Promise<Page<PostEntity>> {
    const query = validateSearchQuery(rawQuery);
    const size = pageSize(first, SEARCH_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeRankCursor(after);
    const params: unknown[] = [query];
    let afterCondition = '';
    if (cursor) {
      params.push(cursor.rank, cursor.id);
      afterCondition = `WHERE (hit.rank < $2::real OR (hit.rank = $2::real AND hit.id > $3::uuid))`;
    }
    params.push(size + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${postColumns('p')}, ts_rank(${searchDocumentSql('p')}, q.query)::real AS rank
           FROM post p
           CROSS JOIN websearch_to_tsquery('english', $1) AS q(query)
           JOIN post t ON t.id = p.thread_id
          WHERE ${publicPostCondition('p')}
            AND ${searchDocumentSql('p')} @@ q.query
            AND ${publicPostCondition('t')}
       ) hit
       ${afterCondition}
       ORDER BY hit.rank DESC, hit.id ASC
       LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, size, (row) => rankCursor(Number(row.rank), row.id as string));
    return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toPost(edge.node) })) };
  }
}
