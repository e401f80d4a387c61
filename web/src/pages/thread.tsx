import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { REPLY, THREAD, THREAD_REPLIES } from '../api/documents';
import type { Connection } from '../api/use-pages';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { PostEditor, type Draft } from '../components/post-editor';
import { PostView, type PostData } from '../components/post-view';
import { useI18n } from '../i18n/i18n';
import { offlineSupported, removeSavedThread, saveThread, savedThread } from '../offline/saved-threads';
import { Link } from '../router';
import { ThreadConnections } from '../components/thread-connections';
import { useSession } from '../session';

interface ReplyData extends PostData {
  inReplyTo: { id: string; author: { pseudonym: string } | null } | null;
}

interface ThreadData extends PostData {
  title: string;
  locked: boolean;
  replyCount: number;
  space: { id: string; slug: string; name: string; muted?: boolean };
  replies: Connection<ReplyData>;
  following?: boolean;
  muted?: boolean;
}

/** How often a page with the reader's own post still being screened asks again. */
export const PENDING_POLL_MS = 1500;

export function ThreadPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { account } = useSession();
  const query = useQuery<{ thread: ThreadData | null }>(THREAD, { id });
  const [offlineCopy, setOfflineCopy] = useState<ThreadData | null>(null);
  const [saved, setSaved] = useState(false);
  const [draft, setDraft] = useState<Draft>({ body: '', contentWarnings: [] });
  const [replyError, setReplyError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  // Replies past the first page, loaded when the reader asks: "load more", never infinite scroll.
  const [later, setLater] = useState<{ replies: ReplyData[]; pageInfo: Connection<ReplyData>['pageInfo'] } | null>(null);
  const [loadingLater, setLoadingLater] = useState(false);

  const live = query.data?.thread ?? null;
  const thread = live ?? offlineCopy;
  const pending =
    live !== null &&
    [live, ...live.replies.edges.map((edge) => edge.node)].some((post) => post.viewerIsAuthor && post.status === 'PENDING');

  useEffect(() => {
    void savedThread(id).then((copy) => {
      setSaved(copy !== null);
      if (copy && query.error?.code === 'NETWORK') setOfflineCopy(copy.thread as ThreadData);
    });
  }, [id, query.error]);

  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => void query.reload(), PENDING_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, query.data]);

  if (!thread) {
    if (query.loading) return <Page title={t('common.loading')}>{null}</Page>;
    return (
      <Page title={t('thread.notFound')}>
        {query.error && query.error.code !== 'NOT_FOUND' ? <ErrorMessage error={query.error} /> : <p>{t('thread.notFoundExplain')}</p>}
        <p>
          <Link href="/">{t('thread.backToFeed')}</Link>
        </p>
      </Page>
    );
  }

  const toggleSaved = async () => {
    if (saved) {
      await removeSavedThread(id);
      setSaved(false);
    } else if (live) {
      setSaved(await saveThread({ id, title: live.title, savedAt: new Date().toISOString(), thread: live }));
    }
  };

  const sendReply = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      await request(REPLY, { input: { threadId: id, body: draft.body, contentWarnings: draft.contentWarnings } });
      setDraft({ body: '', contentWarnings: [] });
      setReplyError(null);
      await query.reload();
    } catch (caught) {
      setReplyError(caught);
    } finally {
      setSending(false);
    }
  };

  const replies = [...thread.replies.edges.map((edge) => edge.node), ...(later?.replies ?? [])];
  const repliesPage = later?.pageInfo ?? thread.replies.pageInfo;
  const loadLater = async () => {
    setLoadingLater(true);
    try {
      const data = await request<{ thread: { replies: Connection<ReplyData> } | null }>(THREAD_REPLIES, {
        id,
        after: repliesPage.endCursor,
      });
      const page = data.thread?.replies;
      if (page) setLater({ replies: [...(later?.replies ?? []), ...page.edges.map((edge) => edge.node)], pageInfo: page.pageInfo });
    } catch (caught) {
      setReplyError(caught);
    } finally {
      setLoadingLater(false);
    }
  };
  return (
    <Page title={thread.title}>
      <p class="meta">
        <Link href={`/s/${thread.space.slug}`}>{thread.space.name}</Link>
        {thread.locked && <> · {t('thread.locked')}</>}
      </p>
      {offlineCopy && !live && (
        <p class="notice" role="status">
          {t('thread.offlineCopy')}
        </p>
      )}
      <article aria-labelledby="thread-title">
        <h2 id="thread-title" class="visually-hidden">
          {thread.title}
        </h2>
        <PostView post={thread} onChanged={() => void query.reload()} offline={!live} />
      </article>
      {live && account && live.status === 'PUBLISHED' && <ThreadConnections thread={live} onChanged={() => void query.reload()} />}
      {offlineSupported() && thread.status === 'PUBLISHED' && (
        <p>
          <button type="button" class="secondary small" aria-pressed={saved} onClick={() => void toggleSaved()}>
            {saved ? t('thread.saved') : t('thread.save')}
          </button>
        </p>
      )}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t('thread.repliesHeading', { count: thread.replyCount })}</h2>
        {replies.length === 0 && <p>{t('thread.noReplies')}</p>}
        <ol class="replies">
          {replies.map((reply) => (
            <li key={reply.id} class="card">
              {reply.inReplyTo?.author && <p class="meta">{t('thread.inReplyTo', { pseudonym: reply.inReplyTo.author.pseudonym })}</p>}
              <PostView post={reply} onChanged={() => void query.reload()} offline={!live} />
            </li>
          ))}
        </ol>
        {live && <LoadMore hasMore={repliesPage.hasNextPage} loading={loadingLater} onLoad={() => void loadLater()} />}
      </section>
      {live && account && !thread.locked && thread.status === 'PUBLISHED' && (
        <form class="card" onSubmit={(event) => void sendReply(event)} aria-labelledby="reply-heading">
          <h2 id="reply-heading">{t('thread.replyHeading')}</h2>
          <PostEditor idPrefix="reply" draft={draft} onChange={setDraft} bodyLabel={t('thread.replyBody')} />
          <button type="submit" disabled={sending || draft.body.trim() === ''}>
            {t('thread.sendReply')}
          </button>
          <ErrorMessage error={replyError} />
        </form>
      )}
      {live && !account && account !== undefined && (
        <p class="notice">
          {t('thread.joinToReply')} <Link href="/join">{t('nav.join')}</Link> · <Link href="/sign-in">{t('nav.signIn')}</Link>
        </p>
      )}
      {live && thread.locked && <p class="notice">{t('thread.lockedExplain')}</p>}
    </Page>
  );
}
