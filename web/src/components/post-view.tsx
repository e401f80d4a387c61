import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { EDIT_POST, WITHDRAW_POST } from '../api/documents';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { BlockButton, BookmarkButton } from './connection-actions';
import { errorText, ErrorMessage } from './error-message';
import { MemberLine, type MemberSummary } from './member-line';
import { PostBody } from './post-body';
import { PostEditor, type Draft } from './post-editor';
import { PostStatus, type Screening } from './post-status';
import { Reactions, type ReactionCount } from './reactions';
import { ReportForm } from './report-form';
import { WarningGate } from './warning-gate';
import { When } from './when';

export interface PostData {
  id: string;
  body: string;
  status: string;
  contentWarnings: string[];
  createdAt: string;
  publishedAt: string | null;
  editedAt: string | null;
  viewerIsAuthor: boolean;
  author: MemberSummary | null;
  reactions: ReactionCount[];
  screening: Screening | null;
  title?: string;
  /** The viewer's bookmark (issue 10); absent where the query did not ask. */
  bookmarked?: boolean;
}

/** One post (a thread's opening post or a reply) with what its reader may do with it. */
export function PostView({ post, onChanged, offline = false }: { post: PostData; onChanged(): void; offline?: boolean }) {
  const { t } = useI18n();
  const { account } = useSession();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isThread = post.title !== undefined;
  const published = post.status === 'PUBLISHED';

  const saveEdit = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await request(EDIT_POST, {
        input: { id: post.id, body: editing.body, contentWarnings: editing.contentWarnings, ...(isThread ? { title: editing.title } : {}) },
      });
      setEditing(null);
      setError(null);
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!window.confirm(t('post.withdrawConfirm'))) return;
    try {
      await request(WITHDRAW_POST, { id: post.id });
      onChanged();
    } catch (caught) {
      window.alert(errorText(caught, t));
    }
  };

  return (
    <div class="post">
      <p class="meta">
        <MemberLine member={post.author} /> · <When at={post.publishedAt ?? post.createdAt} />
        {post.editedAt && <> · {t('post.edited')}</>}
        {account && !offline && !post.viewerIsAuthor && post.author?.id && (
          <>
            {' '}
            · <BlockButton member={{ id: post.author.id, pseudonym: post.author.pseudonym }} onBlocked={onChanged} />
          </>
        )}
      </p>
      {post.viewerIsAuthor && <PostStatus status={post.status} screening={post.screening} />}
      {editing ? (
        <form
          class="editor"
          onSubmit={(event) => {
            event.preventDefault();
            void saveEdit();
          }}
        >
          <PostEditor
            idPrefix={`edit-${post.id}`}
            draft={editing}
            onChange={setEditing}
            withTitle={isThread}
            bodyLabel={t('post.editBody')}
          />
          <p class="hint">{t('post.editScreened')}</p>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('post.saveEdit')}
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
          <ErrorMessage error={error} />
        </form>
      ) : (
        <WarningGate warnings={post.contentWarnings}>
          <PostBody body={post.body} />
        </WarningGate>
      )}
      {!offline && (
        <div class="post-actions">
          {published && <Reactions postId={post.id} reactions={post.reactions} canReact={Boolean(account)} />}
          {account && published && post.bookmarked !== undefined && <BookmarkButton postId={post.id} bookmarked={post.bookmarked} />}
          {post.viewerIsAuthor && !editing && post.status !== 'REMOVED' && post.status !== 'REJECTED' && (
            <div class="actions">
              <button
                type="button"
                class="secondary small"
                onClick={() => setEditing({ title: post.title, body: post.body, contentWarnings: post.contentWarnings })}
              >
                {t('post.edit')}
              </button>
              <button type="button" class="secondary small" onClick={() => void withdraw()}>
                {t('post.withdraw')}
              </button>
            </div>
          )}
          {account && published && !post.viewerIsAuthor && <ReportForm postId={post.id} />}
        </div>
      )}
    </div>
  );
}
