import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { BLOCKED_MEMBERS, UNBLOCK_MEMBER } from '../api/connection-documents';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from './error-message';

interface BlockedMember {
  id: string;
  pseudonym: string;
}

/** The account page's list of blocked members, each with an Unblock button (issue 10). */
export function BlockedMembers() {
  const { t } = useI18n();
  const query = useQuery<{ me: { blockedMembers: BlockedMember[] } | null }>(BLOCKED_MEMBERS);
  const [error, setError] = useState<unknown>(null);
  const members = query.data?.me?.blockedMembers ?? [];

  const unblock = async (member: BlockedMember) => {
    try {
      await request(UNBLOCK_MEMBER, { id: member.id });
      setError(null);
      await query.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="card" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">{t('connection.blockedHeading')}</h2>
      {query.data && members.length === 0 && <p>{t('connection.blockedEmpty')}</p>}
      {members.length > 0 && (
        <>
          <p class="hint">{t('connection.blockedIntro')}</p>
          <ul class="plain">
            {members.map((member) => (
              <li key={member.id}>
                <strong>{member.pseudonym}</strong>{' '}
                <button type="button" class="secondary small" onClick={() => void unblock(member)}>
                  {t('connection.unblock', { pseudonym: member.pseudonym })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage error={error ?? query.error} />
    </section>
  );
}
