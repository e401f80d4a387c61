import { useState } from 'preact/hooks';
import { request } from '../../api/graphql';
import { CASE, CLAIM, LOCK, RELEASE, RESOLVE, SANCTION } from '../../api/moderation-documents';
import { useQuery } from '../../api/use-query';
import { ErrorMessage } from '../../components/error-message';
import { Page } from '../../components/page';
import { PostBody } from '../../components/post-body';
import { When } from '../../components/when';
import { isMessageKey, useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { Link } from '../../router';
import { isModerator, useSession } from '../../session';
import { liveSpans } from '../../text/highlight-spans';

interface CaseReason {
  category: string;
  severity: string;
  source: string;
  detail: string;
  excerpt: string | null;
  start: number | null;
  end: number | null;
}

interface CaseData {
  id: string;
  priority: string;
  status: string;
  reportCount: number;
  createdAt: string;
  resolvedAt: string | null;
  decision: string | null;
  claimExpiresAt: string | null;
  claimedBy: { id: string; pseudonym: string } | null;
  author: { id: string; pseudonym: string; perspective: string; role: string; joinedMonth: string } | null;
  authorCases: Array<{
    id: string;
    priority: string;
    status: string;
    decision: string | null;
    createdAt: string;
    reasons: Array<{ category: string }>;
  }>;
  reasons: CaseReason[];
  history: Array<{
    id: string;
    action: string;
    note: string | null;
    internalNote: string | null;
    createdAt: string;
    moderator: { pseudonym: string } | null;
  }>;
  post: {
    id: string;
    body: string;
    status: string;
    contentWarnings: string[];
    title?: string;
    locked?: boolean;
    thread?: { id: string; title: string; locked: boolean };
  };
}

const DECISIONS = ['APPROVE', 'REQUEST_CHANGES', 'REJECT', 'REMOVE'];
const SANCTIONS = ['WARN', 'SUSPEND', 'BAN'];

/** "2026-11" as the reader says it ("November 2026"); the API gives the month only, never the day. */
function monthName(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, number - 1, 1));
}

export function ModerationCasePage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { account } = useSession();
  const query = useQuery<{ moderationCase: CaseData | null }>(CASE, { id }, { skip: !isModerator(account) });
  const [error, setError] = useState<unknown>(null);
  const [decision, setDecision] = useState('');
  const [noteToAuthor, setNoteToAuthor] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [sanction, setSanction] = useState('');
  const [days, setDays] = useState('7');
  const [sanctionReason, setSanctionReason] = useState('');
  const [done, setDone] = useState<MessageKey | null>(null);

  if (!isModerator(account))
    return <Page title={t('moderation.case')}>{account === undefined ? null : <p>{t('error.FORBIDDEN')}</p>}</Page>;
  const item = query.data?.moderationCase;
  if (!item) {
    return (
      <Page title={t('moderation.case')}>
        {query.loading ? <p>{t('common.loading')}</p> : <ErrorMessage error={query.error ?? new Error('not found')} />}
      </Page>
    );
  }

  const act = async (document: string, variables: Record<string, unknown>, message: MessageKey) => {
    try {
      await request(document, variables);
      await query.reload();
      setError(null);
      setDone(message);
    } catch (caught) {
      setError(caught);
      setDone(null);
    }
  };

  const mine = item.claimedBy?.id === account?.member.id;
  const open = item.status !== 'RESOLVED';
  const threadId = item.post.thread?.id ?? item.post.id;
  const locked = item.post.locked ?? item.post.thread?.locked ?? false;
  const title = item.post.title ?? t('moderation.replyIn', { title: item.post.thread?.title ?? '' });

  return (
    <Page title={t('moderation.caseTitle', { title })} wide>
      <p>
        <Link href="/moderation">{t('moderation.backToQueue')}</Link>
      </p>
      <p class="meta">
        <span class={`badge priority-${item.priority.toLowerCase()}`}>{t(`priority.${item.priority}` as MessageKey)}</span>{' '}
        {t(`caseStatus.${item.status}` as MessageKey)}
        {item.claimedBy && <> · {t('moderation.claimedBy', { pseudonym: item.claimedBy.pseudonym })}</>} · {t('moderation.opened')}{' '}
        <When at={item.createdAt} relative />
        {item.decision && <> · {t(`decision.${item.decision}` as MessageKey)}</>}
      </p>
      {done && (
        <p class="notice" role="status">
          {t(done)}
        </p>
      )}
      <ErrorMessage error={error} />
      <div class="case-layout">
        <section class="card" aria-labelledby="case-post">
          <h2 id="case-post">{t('moderation.post')}</h2>
          <p class="meta">
            {t(`status.${item.post.status}` as MessageKey)} · <Link href={`/t/${threadId}`}>{t('moderation.openThread')}</Link>
          </p>
          <PostBody body={item.post.body} highlights={liveSpans(item.post.body, item.reasons)} />
          <h3>{t('moderation.reasons')}</h3>
          <ul>
            {item.reasons.map((reason, index) => (
              <li key={index}>
                <strong>{t(`categoryShort.${reason.category}` as MessageKey)}</strong> ({t(`source.${reason.source}` as MessageKey)},{' '}
                {reason.severity}): {reason.detail}
                {reason.excerpt && !reason.detail.includes(reason.excerpt) && (
                  <>
                    {' '}
                    <q>{reason.excerpt}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
          {item.reportCount > 0 && <p>{t('moderation.reports', { count: item.reportCount })}</p>}
        </section>
        <aside class="card" aria-labelledby="case-author">
          <h2 id="case-author">{t('moderation.author')}</h2>
          {item.author ? (
            <p>
              <strong>{item.author.pseudonym}</strong> · {t(`perspective.${item.author.perspective}` as MessageKey)} ·{' '}
              {t('moderation.joined', { month: monthName(item.author.joinedMonth, language) })}
            </p>
          ) : (
            <p>{t('member.deleted')}</p>
          )}
          <h3>{t('moderation.pastCases')}</h3>
          {item.authorCases.length === 0 ? (
            <p>{t('moderation.noPastCases')}</p>
          ) : (
            <ul class="plain">
              {item.authorCases.map((past) => (
                <li key={past.id}>
                  <Link href={`/moderation/cases/${past.id}`}>
                    {[...new Set(past.reasons.map((reason) => reason.category))]
                      .map((category) => t(`categoryShort.${category}` as MessageKey))
                      .join(', ')}
                  </Link>{' '}
                  · {past.decision ? t(`decision.${past.decision}` as MessageKey) : t(`caseStatus.${past.status}` as MessageKey)} ·{' '}
                  <When at={past.createdAt} />
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>

      {open && (
        <section class="card" aria-labelledby="case-actions">
          <h2 id="case-actions">{t('moderation.actions')}</h2>
          {!mine && (
            <button type="button" onClick={() => void act(CLAIM, { id: item.id }, 'moderation.claimed')}>
              {t('moderation.claim')}
            </button>
          )}
          {mine && (
            <>
              <button type="button" class="secondary" onClick={() => void act(RELEASE, { id: item.id }, 'moderation.released')}>
                {t('moderation.release')}
              </button>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void act(
                    RESOLVE,
                    {
                      input: {
                        caseId: item.id,
                        decision,
                        noteToAuthor: noteToAuthor.trim() || null,
                        internalNote: internalNote.trim() || null,
                      },
                    },
                    'moderation.decided',
                  );
                }}
              >
                <fieldset>
                  <legend>{t('moderation.decision')}</legend>
                  {DECISIONS.map((value) => (
                    <label key={value} class="check">
                      <input
                        type="radio"
                        name="decision"
                        value={value}
                        required
                        checked={decision === value}
                        onChange={() => setDecision(value)}
                      />{' '}
                      <strong>{t(`decision.${value}` as MessageKey)}</strong>: {t(`decision.${value}.explain` as MessageKey)}
                    </label>
                  ))}
                </fieldset>
                <div class="field">
                  <label for="note-to-author">{t('moderation.noteToAuthor')}</label>
                  <textarea
                    id="note-to-author"
                    rows={2}
                    value={noteToAuthor}
                    onInput={(event) => setNoteToAuthor(event.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for="internal-note">{t('moderation.internalNote')}</label>
                  <textarea
                    id="internal-note"
                    rows={2}
                    value={internalNote}
                    onInput={(event) => setInternalNote(event.currentTarget.value)}
                  />
                </div>
                <button type="submit">{t('moderation.decide')}</button>
              </form>
            </>
          )}
        </section>
      )}

      <section class="card" aria-labelledby="case-more">
        <h2 id="case-more">{t('moderation.more')}</h2>
        <button
          type="button"
          class="secondary"
          onClick={() => void act(LOCK, { id: threadId, locked: !locked }, locked ? 'moderation.unlocked' : 'moderation.locked')}
        >
          {locked ? t('moderation.unlock') : t('moderation.lock')}
        </button>
        {item.author && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                SANCTION,
                {
                  input: {
                    memberId: item.author?.id,
                    caseId: item.id,
                    sanction,
                    reason: sanctionReason,
                    days: sanction === 'SUSPEND' ? Number(days) : null,
                  },
                },
                'moderation.sanctioned',
              );
            }}
          >
            <div class="field">
              <label for="sanction">{t('moderation.sanction')}</label>
              <select id="sanction" required value={sanction} onChange={(event) => setSanction(event.currentTarget.value)}>
                <option value="">{t('moderation.chooseSanction')}</option>
                {SANCTIONS.map((value) => (
                  <option key={value} value={value}>
                    {t(`sanction.${value}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            {sanction === 'SUSPEND' && (
              <div class="field">
                <label for="sanction-days">{t('moderation.days')}</label>
                <input
                  id="sanction-days"
                  type="number"
                  min={1}
                  max={365}
                  required
                  value={days}
                  onInput={(event) => setDays(event.currentTarget.value)}
                />
              </div>
            )}
            <div class="field">
              <label for="sanction-reason">{t('moderation.sanctionReason')}</label>
              <input
                id="sanction-reason"
                required
                value={sanctionReason}
                onInput={(event) => setSanctionReason(event.currentTarget.value)}
              />
            </div>
            <button type="submit" class="secondary">
              {t('moderation.applySanction')}
            </button>
          </form>
        )}
      </section>

      <section class="card" aria-labelledby="case-history">
        <h2 id="case-history">{t('moderation.history')}</h2>
        <ol class="plain">
          {item.history.map((entry) => (
            <li key={entry.id}>
              <When at={entry.createdAt} /> · {entry.moderator?.pseudonym ?? t('moderation.system')}:{' '}
              {isMessageKey(`action.${entry.action}`) ? t(`action.${entry.action}` as MessageKey) : entry.action}
              {entry.note && <> · {entry.note}</>}
              {entry.internalNote && (
                <>
                  {' '}
                  · <em>{entry.internalNote}</em>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
