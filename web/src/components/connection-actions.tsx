import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import {
  BLOCK_MEMBER,
  BOOKMARK_POST,
  FOLLOW_THREAD,
  MUTE_SPACE,
  MUTE_THREAD,
  UNBOOKMARK_POST,
  UNFOLLOW_THREAD,
  UNMUTE_SPACE,
  UNMUTE_THREAD,
} from '../api/connection-documents';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage, errorText } from './error-message';

/**
 * Follow, bookmark, mute and block buttons (issue 10). Each shows the state it is in
 * (aria-pressed) and changes it with one request; the page reloads what the change hides.
 */

/** A toggle that sends one mutation to turn on and another to turn off. */
function useToggle(initial: boolean, on: () => Promise<unknown>, off: () => Promise<unknown>, after?: () => void) {
  const [active, setActive] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    setBusy(true);
    try {
      await (active ? off() : on());
      setActive(!active);
      setError(null);
      after?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { active, busy, error, toggle };
}

export function FollowButton({ threadId, following }: { threadId: string; following: boolean }) {
  const { t } = useI18n();
  const follow = useToggle(
    following,
    () => request(FOLLOW_THREAD, { id: threadId }),
    () => request(UNFOLLOW_THREAD, { id: threadId }),
  );
  return (
    <>
      <button
        type="button"
        class="secondary small"
        aria-pressed={follow.active}
        disabled={follow.busy}
        onClick={() => void follow.toggle()}
      >
        {follow.active ? t('connection.following') : t('connection.follow')}
      </button>
      {follow.active && <span class="hint"> {t('connection.followHint')}</span>}
      <ErrorMessage error={follow.error} />
    </>
  );
}

export function BookmarkButton({ postId, bookmarked }: { postId: string; bookmarked: boolean }) {
  const { t } = useI18n();
  const bookmark = useToggle(
    bookmarked,
    () => request(BOOKMARK_POST, { id: postId }),
    () => request(UNBOOKMARK_POST, { id: postId }),
  );
  return (
    <>
      <button
        type="button"
        class="secondary small"
        aria-pressed={bookmark.active}
        disabled={bookmark.busy}
        onClick={() => void bookmark.toggle()}
      >
        {bookmark.active ? t('connection.bookmarked') : t('connection.bookmark')}
      </button>
      <ErrorMessage error={bookmark.error} />
    </>
  );
}

/** Mute or unmute a thread; when muted, says so plainly. */
export function MuteThreadButton({ threadId, muted, onChanged }: { threadId: string; muted: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const mute = useToggle(
    muted,
    () => request(MUTE_THREAD, { id: threadId }),
    () => request(UNMUTE_THREAD, { id: threadId }),
    onChanged,
  );
  return (
    <>
      {mute.active && (
        <p class="notice" role="status">
          {t('connection.threadMuted')}
        </p>
      )}
      <button type="button" class="secondary small" aria-pressed={mute.active} disabled={mute.busy} onClick={() => void mute.toggle()}>
        {mute.active ? t('connection.unmuteThread') : t('connection.muteThread')}
      </button>
      <ErrorMessage error={mute.error} />
    </>
  );
}

export function MuteSpaceButton({ spaceId, muted }: { spaceId: string; muted: boolean }) {
  const { t } = useI18n();
  const mute = useToggle(
    muted,
    () => request(MUTE_SPACE, { id: spaceId }),
    () => request(UNMUTE_SPACE, { id: spaceId }),
  );
  return (
    <>
      {mute.active && (
        <p class="notice" role="status">
          {t('connection.spaceMuted')}
        </p>
      )}
      <p>
        <button type="button" class="secondary small" aria-pressed={mute.active} disabled={mute.busy} onClick={() => void mute.toggle()}>
          {mute.active ? t('connection.unmuteSpace') : t('connection.muteSpace')}
        </button>
      </p>
      <ErrorMessage error={mute.error} />
    </>
  );
}

/** Block the author of a post, after a plain confirmation that says what it does. */
export function BlockButton({ member, onBlocked }: { member: { id: string; pseudonym: string }; onBlocked(): void }) {
  const { t } = useI18n();
  const block = async () => {
    if (!window.confirm(t('connection.blockConfirm', { pseudonym: member.pseudonym }))) return;
    try {
      await request(BLOCK_MEMBER, { id: member.id });
      onBlocked();
    } catch (caught) {
      window.alert(errorText(caught, t));
    }
  };
  return (
    <button type="button" class="link-button" onClick={() => void block()}>
      {t('connection.block', { pseudonym: member.pseudonym })}
    </button>
  );
}
