import { Inject, Injectable } from '@nestjs/common';
import { Page, pageSize } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { decodeRankCursor } from '../common/pagination/keyset';
import { validateSearchQuery } from './post-input';
import { PostEntity } from './post.entity';
import type { Viewer } from '../common/auth/viewer';
import { hiddenAuthorsOf } from './post-visibility';
import { SearchRepository } from './repositories/search.repository';

export const SEARCH_PAGE_DEFAULT = 20;

/**
 * Full-text search over published, not hidden threads and replies, best match first among at
 * most SEARCH_CANDIDATES_MAX matches: the newest among the SEARCH_RECENT_WINDOW newest public
 * posts, topped up from the whole forum when those are fewer (SearchRepository says how).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly searchRepository: SearchRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** `viewer`: the signed-in reader, whose blocks and HIDE content preferences apply; null when signed out. */
  async search(rawQuery: string, first?: number | null, after?: string | null, viewer: Viewer | null = null): Promise<Page<PostEntity>> {
    const query = validateSearchQuery(rawQuery);
    const size = pageSize(first, SEARCH_PAGE_DEFAULT, this.config.limits.pageSizeMax);
    const cursor = decodeRankCursor(after);
    const { searchCandidatesMax, searchRecentWindow } = this.config.limits;
    return this.searchRepository.publicPostsMatching(
      query,
      cursor,
      size,
      {
        candidates: searchCandidatesMax,
        recentWindow: searchRecentWindow,
      },
      hiddenAuthorsOf(viewer),
      viewer?.accountId ?? null,
    );
  }
}
