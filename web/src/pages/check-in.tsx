import { useEffect, useState } from 'preact/hooks';
import { CHECK_IN, CHECK_IN_THREAD, CHECK_INS } from '../api/check-in-documents';
import { ApiError, request } from '../api/graphql';
import { usePages, type Connection } from '../api/use-pages';
import { CrisisList, type CrisisResource } from '../components/crisis-list';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link } from '../router';
import { useSession } from '../session';

interface CheckInItem {
  id: string;
  localDate: string;
  mood: number;
  intention: string;
  note: string | null;
  screenedPost: { id: string; status: string; screening: { categories: string[]; crisisResources: CrisisResource[] } | null } | null;
  sharedReply: { id: string; status: string } | null;
}

const MOODS = [1, 2, 3, 4, 5] as const;
/** How often the page asks whether screening has looked at a new check-in's words. */
const SCREENING_POLL_MS = 1500;

/** The member's own zone: the server counts "today" in it (and never trusts a date from here). */
function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Today's calendar date in the member's zone, only to know whether to offer the form. */
function todayHere(): string {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The private daily check-in: how today feels (words, not only numbers), an intention, a note; the history below, no streaks. */
export function CheckInPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const [version, setVersion] = useState(0);
  const history = usePages<CheckInItem>(account ? `${account.id}:${version}` : '', async (after) =>
    account ? ((await request<{ me: { checkIns: Connection<CheckInItem> } | null }>(CHECK_INS, { after })).me?.checkIns ?? null) : null,
  );
  const [mood, setMood] = useState<number | null>(null);
  const [intention, setIntention] = useState('');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [shareNote, setShareNote] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<CheckInItem | null>(null);
  const [threadId, setThreadId] = useState<string | null>(null);

  // While screening looks at the new check-in's words, ask again now and then; a crisis shows help at once.
  const pending = saved !== null && saved.screenedPost?.status === 'PENDING';
  useEffect(() => {
    if (!pending || saved === null) return;
    const timer = setTimeout(() => {
      void request<{ me: { checkIns: Connection<CheckInItem> } | null }>(CHECK_INS, {}).then((data) => {
        const fresh = data.me?.checkIns.edges.find((edge) => edge.node.id === saved.id)?.node;
        if (fresh) setSaved(fresh);
      });
    }, SCREENING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, saved]);

  useEffect(() => {
    if (saved?.sharedReply)
      void request<{ checkInThread: { id: string } }>(CHECK_IN_THREAD).then((data) => setThreadId(data.checkInThread.id));
  }, [saved?.sharedReply?.id]);

  if (account === null) {
    return (
      <Page title={t('checkIn.heading')}>
        <p>
          {t('checkIn.signInFirst')} <Link href="/sign-in">{t('nav.signIn')}</Link> · <Link href="/join">{t('nav.join')}</Link>
        </p>
      </Page>
    );
  }

  const items = history.items ?? [];
  const doneToday = saved === null && items.some((item) => item.localDate === todayHere());
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (mood === null) return;
    setSending(true);
    setError(null);
    try {
      const data = await request<{ checkIn: CheckInItem }>(CHECK_IN, {
        input: { mood, intention, note: note.trim() === '' ? null : note, timeZone: timeZone(), share, shareNote: share && shareNote },
      });
      setSaved(data.checkIn);
      setVersion((value) => value + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  const crisis = saved?.screenedPost?.screening?.crisisResources ?? [];
  return (
    <Page title={t('checkIn.heading')}>
      <p class="lead">{t('checkIn.intro')}</p>

      {saved && (
        <section aria-live="polite" class="notice">
          <p role="status">{t('checkIn.saved')}</p>
          {pending && <p class="muted">{t('checkIn.checking')}</p>}
          {saved.sharedReply && threadId && (
            <p>
              <Link href={`/t/${threadId}`}>{t('checkIn.sharedLink')}</Link>
            </p>
          )}
          {share && saved.sharedReply === null && <p>{t('checkIn.notShared')}</p>}
        </section>
      )}
      <CrisisList resources={crisis} />

      {saved === null && doneToday && <p role="status">{t('checkIn.doneToday')}</p>}
      {saved === null && !doneToday && (
        <form onSubmit={(event) => void submit(event)}>
          <fieldset>
            <legend id="check-in-mood">{t('checkIn.mood')}</legend>
            <div role="radiogroup" aria-labelledby="check-in-mood" class="mood-scale">
              {MOODS.map((value) => (
                <label key={value} class="check">
                  <input type="radio" name="mood" value={value} required checked={mood === value} onChange={() => setMood(value)} />{' '}
                  {t(`checkIn.mood.${value}` as MessageKey)}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="check-in-intention">{t('checkIn.intention')}</label>
            <input
              id="check-in-intention"
              required
              maxLength={200}
              aria-describedby="check-in-intention-hint"
              value={intention}
              onInput={(event) => setIntention(event.currentTarget.value)}
            />
            <p id="check-in-intention-hint" class="hint">
              {t('checkIn.intentionHint')}
            </p>
          </div>
          <div class="field">
            <label for="check-in-note">{t('checkIn.note')}</label>
            <textarea id="check-in-note" rows={4} maxLength={2000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={share}
              aria-describedby="check-in-share-hint"
              onChange={(event) => setShare(event.currentTarget.checked)}
            />{' '}
            {t('checkIn.share')}
          </label>
          <p id="check-in-share-hint" class="hint">
            {t('checkIn.shareHint')}
          </p>
          {share && (
            <label class="check">
              <input type="checkbox" checked={shareNote} onChange={(event) => setShareNote(event.currentTarget.checked)} />{' '}
              {t('checkIn.shareNote')}
            </label>
          )}
          <button type="submit" disabled={sending || mood === null}>
            {t('checkIn.submit')}
          </button>
          {conflict ? (
            <p class="error" role="alert">
              {t('checkIn.already')}
            </p>
          ) : (
            <ErrorMessage error={error} />
          )}
        </form>
      )}

      <h2>{t('checkIn.history')}</h2>
      {history.items !== null && items.length === 0 && <p class="muted">{t('checkIn.historyEmpty')}</p>}
      <ul class="check-ins">
        {items.map((item) => (
          <li key={item.id}>
            <p>
              <strong>
                <time dateTime={item.localDate}>{item.localDate}</time>
              </strong>{' '}
              · {t('checkIn.entryMood', { mood: t(`checkIn.mood.${item.mood}` as MessageKey) })}
            </p>
            <p>{t('checkIn.entryIntention', { intention: item.intention })}</p>
            {item.note && <p class="muted">{item.note}</p>}
            {item.sharedReply && <p class="hint">{t('checkIn.entryShared')}</p>}
          </li>
        ))}
      </ul>
      <ErrorMessage error={history.error} />
      <LoadMore hasMore={history.hasMore} loading={history.loading} onLoad={history.loadMore} />
    </Page>
  );
}
