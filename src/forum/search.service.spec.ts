import { Role } from '../common/auth/role';
import { testConfig } from '../../test/support/forum-fakes';
import { encodeCursor } from '../common/pagination/cursor';
import { rankCursor } from '../common/pagination/keyset';
import type { SearchRepository } from './repositories/search.repository';
import { SEARCH_PAGE_DEFAULT, SearchService } from './search.service';

function setUp() {
  const publicPostsMatching = jest.fn<
    ReturnType<SearchRepository['publicPostsMatching']>,
    Parameters<SearchRepository['publicPostsMatching']>
  >();
  publicPostsMatching.mockResolvedValue({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  const repository = { publicPostsMatching } as unknown as SearchRepository;
  return {
    service: new SearchService(repository, testConfig({ limits: { pageSizeMax: 50, searchCandidatesMax: 300, searchRecentWindow: 5000 } })),
    publicPostsMatching,
  };
}

describe('SearchService', () => {
  it('searches for the query as typed, from the first page, with the default page size, among the configured number of candidates', async () => {
    const { service, publicPostsMatching } = setUp();
    await service.search('  one day at a time ');
    expect(publicPostsMatching).toHaveBeenCalledWith(
      'one day at a time',
      null,
      SEARCH_PAGE_DEFAULT,
      {
        candidates: 300,
        recentWindow: 5000,
      },
      null,
      null,
    );
  });

  it("leaves out the authors a signed-in searcher's blocks hide (either way)", async () => {
    const { service, publicPostsMatching } = setUp();
    const viewer = { accountId: 'a', sessionId: 's', role: Role.MEMBER, suspendedUntil: null, hiddenAuthorIds: ['b'] };
    await service.search('relapse', 10, null, viewer);
    expect(publicPostsMatching).toHaveBeenCalledWith('relapse', null, 10, { candidates: 300, recentWindow: 5000 }, ['b'], 'a');
  });

  it("applies a signed-in reader's content preferences", async () => {
    const { service, publicPostsMatching } = setUp();
    const viewer = { accountId: 'acct-a', sessionId: 's', role: Role.MEMBER, suspendedUntil: null, hiddenAuthorIds: [] };
    await service.search('hope', 5, null, viewer);
    expect(publicPostsMatching).toHaveBeenCalledWith('hope', null, 5, { candidates: 300, recentWindow: 5000 }, null, 'acct-a');
  });

  it('continues after the cursor of the previous page', async () => {
    const { service, publicPostsMatching } = setUp();
    const id = '00000000-0000-4000-8000-000000000001';
    await service.search('relapse', 10, encodeCursor(rankCursor(0.25, id)));
    expect(publicPostsMatching).toHaveBeenCalledWith(
      'relapse',
      { rank: 0.25, id },
      10,
      { candidates: 300, recentWindow: 5000 },
      null,
      null,
    );
  });

  it('refuses an empty query, a page over the limit and a tampered cursor without searching', async () => {
    const { service, publicPostsMatching } = setUp();
    await expect(service.search('   ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.search('relapse', 51)).rejects.toMatchObject({ reason: 'PAGE_SIZE' });
    await expect(service.search('relapse', 10, 'made-up')).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    expect(publicPostsMatching).not.toHaveBeenCalled();
  });
});
