import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { REACT, UNREACT } from '../api/documents';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorMessage } from './error-message';

export interface ReactionCount {
  kind: string;
  count: number;
  viewerReacted: boolean;
}

/** Three quiet reactions; a toggle button each, pressed when the reader has reacted. */
export function Reactions({ postId, reactions, canReact }: { postId: string; reactions: ReactionCount[]; canReact: boolean }) {
  const { t } = useI18n();
  const [counts, setCounts] = useState(reactions);
  const [error, setError] = useState<unknown>(null);
  const toggle = async (reaction: ReactionCount) => {
    try {
      const data = await request<Record<string, { reactions: ReactionCount[] }>>(reaction.viewerReacted ? UNREACT : REACT, {
        input: { postId, kind: reaction.kind },
      });
      setCounts(Object.values(data)[0].reactions);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div class="reactions" role="group" aria-label={t('reactions.label')}>
      {counts.map((reaction) =>
        canReact ? (
          <button
            key={reaction.kind}
            type="button"
            class="reaction secondary small"
            aria-pressed={reaction.viewerReacted}
            onClick={() => void toggle(reaction)}
          >
            {t(`reaction.${reaction.kind}` as MessageKey)} <span class="count">{reaction.count}</span>
          </button>
        ) : (
          <span key={reaction.kind} class="reaction static">
            {t(`reaction.${reaction.kind}` as MessageKey)} <span class="count">{reaction.count}</span>
          </span>
        ),
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
