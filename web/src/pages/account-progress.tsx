import { useEffect, useRef, useState } from 'preact/hooks';
import { SPACES, UPDATE_PROFILE } from '../api/documents';
import { request } from '../api/graphql';
import { MY_PROGRESS, RECORD_COMEBACK, REMOVE_COMEBACK, SET_CONTENT_PREFERENCE, SHARE_MILESTONE } from '../api/progress-documents';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { PathwayChoices } from '../components/pathway-choices';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link } from '../router';
import { useSession, type SignedInMember } from '../session';

interface Milestone {
  days: number;
  years: number | null;
  reachedOn: string;
}

interface Progress {
  totalDays: number;
  currentStretchDays: number;
  currentStretchStart: string;
  comebacks: number;
  comebackDates: string[];
  daysOnMedication: number | null;
  milestonesReached: Milestone[];
  nextMilestone: Milestone;
}

const WARNINGS = ['RELAPSE', 'SUBSTANCE_USE', 'SELF_HARM', 'OVERDOSE', 'LOSS', 'TRAUMA'] as const;
const DISPLAYS = ['SHOW', 'COLLAPSE', 'HIDE'] as const;

function milestoneLabel(t: Translate, milestone: Milestone): string {
  if (milestone.years === null) return t('progress.milestoneDays', { count: milestone.days });
  return milestone.years === 1 ? t('progress.milestoneYear') : t('progress.milestoneYears', { count: milestone.years });
}

/** The device's own zone first, then every zone the browser knows. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set([current, device, 'UTC', ...known])];
}

/** Days in recovery that never reset, came-back days, medication, milestones to share. Only the owner sees this. */
export function ProgressSection({ account }: { account: SignedInMember }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const progress = useQuery<{ me: { progress: Progress | null } | null }>(MY_PROGRESS);
  const [medication, setMedication] = useState(account.medicationStartDate ?? '');
  const [zone, setZone] = useState(account.timeZone);
  const [cameBack, setCameBack] = useState('');
  const [saved, setSaved] = useState(false);
  const [sharing, setSharing] = useState<Milestone | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setSaved(false), [medication, zone]);
  // The recovery start date is saved by the profile form above: count again when it changes.
  const counted = useRef(account.recoveryStartDate);
  useEffect(() => {
    if (counted.current === account.recoveryStartDate) return;
    counted.current = account.recoveryStartDate;
    void progress.reload();
  }, [account.recoveryStartDate]);
  const data = progress.data?.me?.progress ?? null;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await refresh();
      await progress.reload();
      setError(null);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  return (
    <section class="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p class="hint">{t('progress.private')}</p>
      {data === null && !progress.loading && <p>{t('progress.none')}</p>}
      {data && (
        <div class="progress-summary" data-testid="progress-summary">
          <p class="lead">{t('progress.totalDays', { count: data.totalDays })}</p>
          <p class="hint">{t('progress.totalDaysHint')}</p>
          <p>{t('progress.currentStretch', { count: data.currentStretchDays, date: data.currentStretchStart })}</p>
          <p>{data.comebacks > 0 ? t('progress.comebacks', { count: data.comebacks }) : t('progress.comebacksNone')}</p>
          {data.daysOnMedication !== null && <p>{t('progress.medicationDays', { count: data.daysOnMedication })}</p>}
          {data.milestonesReached.length > 0 && (
            <>
              <h3>{t('progress.milestones')}</h3>
              <ul class="plain">
                {data.milestonesReached.map((milestone) => (
                  <li key={milestone.days}>
                    {milestoneLabel(t, milestone)} · {milestone.reachedOn}{' '}
                    <button type="button" class="link-button" onClick={() => setSharing(milestone)}>
                      {t('progress.share', { label: milestoneLabel(t, milestone) })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{t('progress.next', { label: milestoneLabel(t, data.nextMilestone), date: data.nextMilestone.reachedOn })}</p>
        </div>
      )}
      {sharing && <ShareMilestone milestone={sharing} label={milestoneLabel(t, sharing)} />}

      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (await act(() => request(UPDATE_PROFILE, { input: { medicationStartDate: medication || null, timeZone: zone } })))
            setSaved(true);
        }}
      >
        <div class="field">
          <label for="progress-medication">{t('progress.medicationStart')}</label>
          <input
            id="progress-medication"
            type="date"
            value={medication}
            aria-describedby="progress-medication-hint"
            onInput={(event) => setMedication(event.currentTarget.value)}
          />
          <p id="progress-medication-hint" class="hint">
            {t('progress.medicationHint')}
          </p>
        </div>
        <div class="field">
          <label for="progress-zone">{t('progress.timeZone')}</label>
          <select
            id="progress-zone"
            value={zone}
            aria-describedby="progress-zone-hint"
            onChange={(event) => setZone(event.currentTarget.value)}
          >
            {timeZones(account.timeZone).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <p id="progress-zone-hint" class="hint">
            {t('progress.timeZoneHint')}
          </p>
        </div>
        <button type="submit">{t('progress.saveSettings')}</button>
        {saved && (
          <p role="status" class="notice">
            {t('progress.saved')}
          </p>
        )}
      </form>

      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (cameBack && (await act(() => request(RECORD_COMEBACK, { date: cameBack })))) setCameBack('');
        }}
      >
        <div class="field">
          <label for="progress-came-back">{t('progress.cameBack')}</label>
          <input
            id="progress-came-back"
            type="date"
            required
            value={cameBack}
            aria-describedby="progress-came-back-hint"
            onInput={(event) => setCameBack(event.currentTarget.value)}
          />
          <p id="progress-came-back-hint" class="hint">
            {t('progress.cameBackHint')}
          </p>
        </div>
        <button type="submit" class="secondary">
          {t('progress.recordCameBack')}
        </button>
      </form>
      {data && data.comebackDates.length > 0 && (
        <>
          <h3>{t('progress.cameBackList')}</h3>
          <ul class="plain">
            {data.comebackDates.map((date) => (
              <li key={date}>
                {date}{' '}
                <button type="button" class="link-button" onClick={() => void act(() => request(REMOVE_COMEBACK, { date }))}>
                  {t('progress.removeCameBack', { date })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** A celebration post, prefilled from the milestone; the member's words to change, screened like any post. */
function ShareMilestone({ milestone, label }: { milestone: Milestone; label: string }) {
  const { t } = useI18n();
  const spaces = useQuery<{ spaces: Array<{ id: string; name: string }> }>(SPACES);
  const [space, setSpace] = useState('');
  const [title, setTitle] = useState(t('progress.shareTitle', { label }));
  const [body, setBody] = useState(t('progress.shareBody', { label }));
  const [shared, setShared] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setTitle(t('progress.shareTitle', { label }));
    setBody(t('progress.shareBody', { label }));
    setShared(null);
  }, [milestone.days]);
  const chosen = space || spaces.data?.spaces[0]?.id || '';
  if (shared) {
    return (
      <p role="status" class="notice">
        {t('progress.shared')} <Link href={`/t/${shared}`}>{t('progress.sharedLink')}</Link>
      </p>
    );
  }
  return (
    <form
      class="share-milestone"
      aria-labelledby="share-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const data = await request<{ shareMilestone: { id: string } }>(SHARE_MILESTONE, {
            input: { days: milestone.days, spaceId: chosen, title, body },
          });
          setShared(data.shareMilestone.id);
        } catch (caught) {
          setError(caught);
        }
      }}
    >
      <h3 id="share-heading">{t('progress.shareHeading')}</h3>
      <p class="hint">{t('progress.shareHint')}</p>
      <div class="field">
        <label for="share-space">{t('progress.shareSpace')}</label>
        <select id="share-space" value={chosen} onChange={(event) => setSpace(event.currentTarget.value)}>
          {spaces.data?.spaces.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="share-title">{t('compose.title')}</label>
        <input id="share-title" value={title} required maxLength={140} onInput={(event) => setTitle(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="share-body">{t('compose.body')}</label>
        <textarea id="share-body" rows={4} value={body} required onInput={(event) => setBody(event.currentTarget.value)} />
      </div>
      <button type="submit">{t('progress.shareSend')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}

/** The paths the member tags themselves with (shown beside their posts). */
export function PathwaysSection({ account }: { account: SignedInMember }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [pathways, setPathways] = useState(account.pathways);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setSaved(false), [pathways]);
  return (
    <form
      class="card"
      aria-labelledby="pathways-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await request(UPDATE_PROFILE, { input: { pathways } });
          await refresh();
          setSaved(true);
          setError(null);
        } catch (caught) {
          setError(caught);
        }
      }}
    >
      <h2 id="pathways-heading">{t('pathways.heading')}</h2>
      <PathwayChoices legend={t('pathways.heading')} hint={t('pathways.hint')} value={pathways} onChange={setPathways} />
      <button type="submit">{t('pathways.save')}</button>
      {saved && (
        <p role="status" class="notice">
          {t('pathways.saved')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}

/** Per content warning: show behind a note, fold (title too), or hide everywhere (the server leaves them out). */
export function ContentPreferencesSection({ account }: { account: SignedInMember }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const displayOf = (warning: string) => account.contentPreferences.find((p) => p.warning === warning)?.display ?? 'SHOW';
  return (
    <section class="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('preferences.heading')}</h2>
      <p class="hint">{t('preferences.hint')}</p>
      {WARNINGS.map((warning) => (
        <div class="field" key={warning}>
          <label for={`preference-${warning}`}>{t(`warning.${warning}` as MessageKey)}</label>
          <select
            id={`preference-${warning}`}
            value={displayOf(warning)}
            onChange={async (event) => {
              const display = event.currentTarget.value;
              try {
                await request(SET_CONTENT_PREFERENCE, { warning, display });
                await refresh();
                setSaved(warning);
                setError(null);
              } catch (caught) {
                setError(caught);
              }
            }}
          >
            {DISPLAYS.map((display) => (
              <option key={display} value={display}>
                {t(`preferences.${display}` as MessageKey)}
              </option>
            ))}
          </select>
          {saved === warning && (
            <p role="status" class="notice">
              {t('preferences.saved')}
            </p>
          )}
        </div>
      ))}
      <ErrorMessage error={error} />
    </section>
  );
}
