import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { MARK_READ, NOTIFICATIONS } from '../api/documents';
import { UNFOLLOW_THREAD } from '../api/connection-documents';
import { usePages, type Connection } from '../api/use-pages';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link } from '../router';
import { useSession } from '../session';

interface NotificationItem {
  id: string;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
  /** REPORT_ANSWERED only: which plain outcome the notice tells. */
  reportStatus?: string | null;
  post: { id: string; title?: string; thread?: { id: string; title: string; following?: boolean } } | null;
}

export function NotificationsPage() {
  const { t } = useI18n();
  const { account, refresh } = useSession();
  const inbox = usePages<NotificationItem>(account?.id ?? '', async (after) =>
    account
      ? ((await request<{ me: { notifications: Connection<NotificationItem> } | null }>(NOTIFICATIONS, { after })).me?.notifications ??
        null)
      : null,
  );
  const items = inbox.items ?? [];
  const [error, setError] = useState<unknown>(null);

  if (account === null) {
    return (
      <Page title={t('notifications.heading')}>
        <p>
          <Link href="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </Page>
    );
  }

  const markAllRead = async () => {
    try {
      await request(MARK_READ, { ids: null });
      inbox.update((previous) => previous.map((item) => ({ ...item, read: true })));
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  /** Opening a notification reads it; the header's count follows on the next session refresh. */
  const markRead = async (notificationId: string) => {
    try {
      await request(MARK_READ, { ids: [notificationId] });
      await refresh();
    } catch {
      // Still unread is harmless: "mark all as read" is there.
    }
  };

  /** "Stop following" right on a followed thread's notice (issue 10): every notice of that thread follows suit. */
  const [stopped, setStopped] = useState<string | null>(null);
  const unfollow = async (threadId: string) => {
    try {
      await request(UNFOLLOW_THREAD, { id: threadId });
      inbox.update((previous) =>
        previous.map((item) =>
          item.post?.thread?.id === threadId
            ? { ...item, post: { ...item.post, thread: { ...item.post.thread, following: false } } }
            : item,
        ),
      );
      setStopped(threadId);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };

  const unread = items.some((item) => !item.read);
  return (
    <Page title={t('notifications.heading')}>
      {unread && (
        <p>
          <button type="button" class="secondary" onClick={() => void markAllRead()}>
            {t('notifications.markAllRead')}
          </button>
        </p>
      )}
      <ErrorMessage error={error ?? inbox.error} />
      {inbox.items && !inbox.loading && items.length === 0 && <p>{t('notifications.empty')}</p>}
      <ul class="plain notifications">
        {items.map((item) => {
          // A check-in's review points to the member's own check-ins: its words are in no thread.
          const threadId = item.kind === 'CHECK_IN_REVIEWED' ? null : (item.post?.thread?.id ?? item.post?.id);
          return (
            <li key={item.id} class={item.read ? 'read' : 'unread'}>
              {!item.read && <span class="badge">{t('notifications.new')}</span>} {t(noticeKey(item))}{' '}
              {item.kind === 'CHECK_IN_REVIEWED' && (
                <Link href="/check-in" onClick={() => !item.read && void markRead(item.id)}>
                  {t('checkIn.heading')}
                </Link>
              )}
              {threadId && (
                <Link href={`/t/${threadId}`} onClick={() => !item.read && void markRead(item.id)}>
                  {item.post?.title ?? item.post?.thread?.title ?? t('notifications.open')}
                </Link>
              )}{' '}
              <When at={item.createdAt} />
              {item.kind === 'FOLLOWED_THREAD_REPLY' && item.post?.thread?.following && (
                <>
                  {' '}
                  <button type="button" class="secondary small" onClick={() => void unfollow(item.post?.thread?.id ?? '')}>
                    {t('connection.unfollow')}
                  </button>
                </>
              )}
              {item.kind === 'FOLLOWED_THREAD_REPLY' && stopped !== null && item.post?.thread?.id === stopped && (
                <span role="status"> {t('connection.unfollowed')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <LoadMore hasMore={inbox.hasMore} loading={inbox.loading} onLoad={inbox.loadMore} />
    </Page>
  );
}

/** The words of a notice: its kind's line, or for an answered report the line of its outcome. */
function noticeKey(item: NotificationItem): MessageKey {
  if (item.kind === 'REPORT_ANSWERED' && item.reportStatus) return `notification.REPORT_ANSWERED.${item.reportStatus}` as MessageKey;
  return `notification.${item.kind}` as MessageKey;
}
