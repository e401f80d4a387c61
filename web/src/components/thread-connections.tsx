import { useI18n } from '../i18n/i18n';
import { FollowButton, MuteThreadButton } from './connection-actions';

/**
 * Follow and mute on a thread page (issue 10). A thread in a muted space says so too, so the
 * member knows why it is missing from their feed; unmuting the space is on the space's page.
 */
export function ThreadConnections({
  thread,
  onChanged,
}: {
  thread: { id: string; following?: boolean; muted?: boolean; space: { muted?: boolean } };
  onChanged(): void;
}) {
  const { t } = useI18n();
  return (
    <div class="actions connections">
      {thread.space.muted && (
        <p class="notice" role="status">
          {t('connection.spaceMuted')}
        </p>
      )}
      <p>
        <FollowButton threadId={thread.id} following={thread.following ?? false} />
      </p>
      <div>
        <MuteThreadButton threadId={thread.id} muted={thread.muted ?? false} onChanged={onChanged} />
      </div>
    </div>
  );
}
