import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { BOOKMARKS, UNBOOKMARK_POST } from '../api/connection-documents';
import { usePages, type Connection } from '../api/use-pages';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import { forgetSavedThreads, offlineSupported, savedThreads, type SavedThread } from '../offline/saved-threads';
import { Link } from '../router';
import { useSession } from '../session';
import { excerpt } from '../text/excerpt';

interface Bookmark {
  id: string;
  body: string;
  publishedAt: string | null;
  title?: string;
  thread?: { id: string; title: string };
}

/**
 * One "Saved" page for both ways of keeping a story (issue 10): bookmarks, kept with the
 * account and shown to a signed-in member on any device, and offline copies, kept on this
 * device only. Signed out there are only offline copies, so the page is just those.
 */
export function SavedPage() {
  const { t } = useI18n();
  const { account } = useSession();
  if (!account) {
    return (
      <Page title={t('saved.heading')}>
        <OfflineCopies />
      </Page>
    );
  }
  return (
    <Page title={t('connection.saved.heading')}>
      <Bookmarks accountId={account.id} />
      <section aria-labelledby="offline-heading">
        <h2 id="offline-heading">{t('saved.heading')}</h2>
        <OfflineCopies />
      </section>
    </Page>
  );
}

function Bookmarks({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const bookmarks = usePages<Bookmark>(
    accountId,
    async (after) => (await request<{ me: { bookmarks: Connection<Bookmark> } | null }>(BOOKMARKS, { after })).me?.bookmarks ?? null,
  );
  const items = bookmarks.items ?? [];
  const remove = async (id: string) => {
    try {
      await request(UNBOOKMARK_POST, { id });
      bookmarks.update((previous) => previous.filter((item) => item.id !== id));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="bookmarks-heading">
      <h2 id="bookmarks-heading">{t('connection.saved.bookmarks')}</h2>
      <p class="hint">{t('connection.saved.bookmarksIntro')}</p>
      <ErrorMessage error={error ?? bookmarks.error} />
      {bookmarks.items && !bookmarks.loading && items.length === 0 && <p>{t('connection.saved.bookmarksEmpty')}</p>}
      <ul class="plain">
        {items.map((item) => {
          const threadId = item.thread?.id ?? item.id;
          const label = item.title ?? t('connection.saved.replyIn', { title: item.thread?.title ?? '' });
          return (
            <li key={item.id}>
              <Link href={`/t/${threadId}`}>{label}</Link>
              {!item.title && <> · {excerpt(item.body, 80)}</>}
              {item.publishedAt && (
                <>
                  {' '}
                  · <When at={item.publishedAt} />
                </>
              )}{' '}
              <button type="button" class="link-button" onClick={() => void remove(item.id)}>
                {t('connection.saved.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <LoadMore hasMore={bookmarks.hasMore} loading={bookmarks.loading} onLoad={bookmarks.loadMore} />
    </section>
  );
}

function OfflineCopies() {
  const { t } = useI18n();
  const [saved, setSaved] = useState<SavedThread[] | null>(null);
  useEffect(() => {
    void savedThreads().then(setSaved);
  }, []);
  return (
    <>
      <p class="lead">{offlineSupported() ? t('saved.intro') : t('saved.unsupported')}</p>
      {saved && saved.length === 0 && <p>{t('saved.empty')}</p>}
      {saved && saved.length > 0 && (
        <>
          <ul class="plain">
            {saved.map((entry) => (
              <li key={entry.id}>
                <Link href={`/t/${entry.id}`}>{entry.title}</Link> · {t('saved.savedOn')} <When at={entry.savedAt} />
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                await forgetSavedThreads();
                setSaved([]);
              }}
            >
              {t('saved.forgetAll')}
            </button>
          </p>
        </>
      )}
    </>
  );
}
