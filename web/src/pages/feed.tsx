import { request } from '../api/graphql';
import { FEED, SPACE, SPACES } from '../api/documents';
import { usePages, type Connection } from '../api/use-pages';
import { useQuery } from '../api/use-query';
import { MuteSpaceButton } from '../components/connection-actions';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { ThreadCard, type ThreadSummary } from '../components/thread-card';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { PathwayFilter } from '../components/pathway-filter';
import { useState } from 'preact/hooks';

interface Space {
  id: string;
  slug: string;
  name: string;
  description: string;
  threadCount: number;
  muted?: boolean;
}

export const FEED_PAGE_SIZE = 20;

/** The feed across spaces, or one space's threads; most recent activity first, "load more" below. */
export function FeedPage({ spaceSlug }: { spaceSlug?: string }) {
  const { t } = useI18n();
  const { account } = useSession();
  const spaces = useQuery<{ spaces: Space[] }>(SPACES);
  const space = useQuery<{ space: Space | null }>(SPACE, { slug: spaceSlug ?? '' }, { skip: !spaceSlug });
  const [pathway, setPathway] = useState('');
  const feed = usePages<ThreadSummary>(
    `${spaceSlug ?? ''}|${pathway}`,
    async (after) =>
      (
        await request<{ threads: Connection<ThreadSummary> }>(FEED, {
          first: FEED_PAGE_SIZE,
          after,
          spaceSlug: spaceSlug ?? null,
          pathway: pathway || null,
        })
      ).threads,
  );
  const threads = feed.items ?? [];
  const { loading, error } = feed;

  const current = space.data?.space;
  const title = spaceSlug ? (current?.name ?? t('common.loading')) : t('feed.title');
  return (
    <Page title={title}>
      {current && <p class="lead">{current.description}</p>}
      {current && account && <MuteSpaceButton key={current.id} spaceId={current.id} muted={current.muted ?? false} />}
      {!spaceSlug && <p class="lead">{t('feed.welcome')}</p>}
      {account && (
        <p>
          <Link class="button" href={current ? `/new?space=${current.id}` : '/new'}>
            {t('nav.newThread')}
          </Link>
        </p>
      )}
      {spaces.data && (
        <nav aria-label={t('feed.spaces')} class="spaces">
          <h2 class="visually-hidden">{t('feed.spaces')}</h2>
          <ul>
            <li>
              <Link href="/" aria-current={!spaceSlug ? 'page' : undefined}>
                {t('feed.allSpaces')}
              </Link>
            </li>
            {spaces.data.spaces.map((item) => (
              <li key={item.id}>
                <Link href={`/s/${item.slug}`} aria-current={item.slug === spaceSlug ? 'page' : undefined}>
                  {item.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <PathwayFilter value={pathway} onChange={setPathway} />
      <ErrorMessage error={error ?? space.error} />
      {spaceSlug && space.data && !space.data.space && <p>{t('feed.noSpace')}</p>}
      <section aria-label={t('feed.threads')} aria-busy={loading}>
        {threads.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} showSpace={!spaceSlug} />
        ))}
        {!loading && threads.length === 0 && !error && <p>{t('feed.empty')}</p>}
      </section>
      <LoadMore hasMore={feed.hasMore} loading={loading} onLoad={feed.loadMore} />
    </Page>
  );
}
