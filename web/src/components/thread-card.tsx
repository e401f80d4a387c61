import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { excerpt } from '../text/excerpt';
import { MemberLine, type MemberSummary } from './member-line';
import { FoldedCard, useFoldedWarnings } from './folded-card';
import { WarningGate } from './warning-gate';
import { When } from './when';

export interface ThreadSummary {
  id: string;
  title: string;
  body: string;
  contentWarnings: string[];
  lastActivityAt: string;
  publishedAt: string | null;
  replyCount: number;
  locked: boolean;
  author: MemberSummary | null;
  space: { id: string; slug: string; name: string };
  reactions: Array<{ kind: string; count: number }>;
}

export function ThreadCard({ thread, showSpace = true }: { thread: ThreadSummary; showSpace?: boolean }) {
  const { t } = useI18n();
  const support = thread.reactions.reduce((sum, reaction) => sum + reaction.count, 0);
  const folded = useFoldedWarnings(thread.contentWarnings);
  const [unfolded, setUnfolded] = useState(false);
  if (folded.length > 0 && !unfolded) return <FoldedCard warnings={folded} onOpen={() => setUnfolded(true)} />;
  return (
    <article class="card thread-card" aria-labelledby={`thread-${thread.id}`}>
      <h2 id={`thread-${thread.id}`}>
        <Link href={`/t/${thread.id}`}>{thread.title}</Link>
      </h2>
      <p class="meta">
        <MemberLine member={thread.author} />
        {showSpace && (
          <>
            {' · '}
            <Link href={`/s/${thread.space.slug}`}>{thread.space.name}</Link>
          </>
        )}
        {' · '}
        <When at={thread.lastActivityAt} />
      </p>
      <WarningGate warnings={thread.contentWarnings}>
        <p class="excerpt">{excerpt(thread.body)}</p>
      </WarningGate>
      <p class="meta">
        {t('thread.replies', { count: thread.replyCount })} · {t('thread.reactions', { count: support })}
        {thread.locked && <> · {t('thread.locked')}</>}
      </p>
    </article>
  );
}
