import { useEffect, useRef, useState } from 'preact/hooks';
import { subscribe } from '../../api/live';
import { CASE_CHANGED, QUEUE } from '../../api/moderation-documents';
import { useQuery } from '../../api/use-query';
import { ErrorMessage } from '../../components/error-message';
import { Page } from '../../components/page';
import { When } from '../../components/when';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { Link } from '../../router';
import { formatDuration } from '../../text/duration';
import { isModerator, useSession } from '../../session';
import { ReviewTimesChart } from './review-times-chart';
import type { PriorityReviewTimes, ReviewWindow } from './review-times';

export interface CaseSummary {
  id: string;
  priority: string;
  status: string;
  reportCount: number;
  createdAt: string;
  claimExpiresAt: string | null;
  claimedBy: { id: string; pseudonym: string } | null;
  reasons: Array<{ category: string; severity: string; source: string }>;
  post: { id: string; status: string; title?: string; thread?: { id: string; title: string } };
}

interface QueueData {
  moderationQueue: { edges: Array<{ node: CaseSummary }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  moderationStats: {
    open: number;
    urgentOpen: number;
    oldestOpenAt: string | null;
    medianSecondsToDecision: number | null;
    byPriority: PriorityReviewTimes[];
  };
}

const FILTERS = ['OPEN', 'CLAIMED'] as const;

/** The queue, URGENT first (the API's order), live: a changed case refreshes it, a new urgent one shows a banner. */
export function ModerationQueuePage() {
  const { t, language } = useI18n();
  const { account } = useSession();
  const [filter, setFilter] = useState<(typeof FILTERS)[number] | null>(null);
  const [windowHours, setWindowHours] = useState<ReviewWindow>(168);
  const queue = useQuery<QueueData>(QUEUE, { status: filter, windowHours }, { skip: !isModerator(account) });
  const [urgentArrived, setUrgentArrived] = useState(0);
  const [live, setLive] = useState<'connecting' | 'live' | 'lost'>('connecting');
  const reload = useRef(queue.reload);
  reload.current = queue.reload;
  const known = useRef(new Set<string>());
  for (const edge of queue.data?.moderationQueue.edges ?? []) known.current.add(edge.node.id);

  useEffect(() => {
    if (!isModerator(account)) return;
    return subscribe<{ moderationCaseChanged: { id: string; priority: string; status: string } }>(CASE_CHANGED, {
      onConnected: () => {
        setLive('live');
        // Whatever changed while the socket was down shows now.
        void reload.current();
      },
      onLost: () => setLive('lost'),
      onEvent: (data) => {
        const changed = data.moderationCaseChanged;
        // New to this moderator: not in the queue they have been looking at (a release is not news).
        if (changed.priority === 'URGENT' && changed.status === 'OPEN' && !known.current.has(changed.id)) {
          known.current.add(changed.id);
          setUrgentArrived((count) => count + 1);
        }
        void reload.current();
      },
    });
  }, [account?.id]);

  useEffect(() => {
    const open = queue.data?.moderationStats.urgentOpen ?? 0;
    document.title = `${open > 0 ? `(${open}) ` : ''}${t('moderation.queue')} · Kindred`;
  }, [queue.data]);

  if (!isModerator(account)) {
    return <Page title={t('moderation.queue')}>{account === undefined ? null : <p>{t('error.FORBIDDEN')}</p>}</Page>;
  }

  const stats = queue.data?.moderationStats;
  const cases = queue.data?.moderationQueue.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('moderation.queue')} wide>
      {urgentArrived > 0 && (
        <div class="alert-urgent" role="alert">
          <p>{t('moderation.urgentArrived', { count: urgentArrived })}</p>
          <button type="button" class="small" onClick={() => setUrgentArrived(0)}>
            {t('moderation.dismiss')}
          </button>
        </div>
      )}
      {stats && (
        <dl class="stats" aria-label={t('moderation.stats')}>
          <div>
            <dt>{t('moderation.statsOpen')}</dt>
            <dd>{stats.open}</dd>
          </div>
          <div>
            <dt>{t('moderation.statsUrgent')}</dt>
            <dd>{stats.urgentOpen}</dd>
          </div>
          <div>
            <dt>{t('moderation.statsOldest')}</dt>
            <dd>{stats.oldestOpenAt ? <When at={stats.oldestOpenAt} relative /> : '–'}</dd>
          </div>
          <div>
            <dt>{t('moderation.statsMedian')}</dt>
            <dd>{stats.medianSecondsToDecision === null ? '–' : formatDuration(stats.medianSecondsToDecision, language)}</dd>
          </div>
        </dl>
      )}
      <p class="muted" role="status">
        {t(`moderation.live.${live}` as MessageKey)}
      </p>
      <div class="tabs" role="group" aria-label={t('moderation.filter')}>
        <button type="button" class="secondary small" aria-pressed={filter === null} onClick={() => setFilter(null)}>
          {t('moderation.filterAll')}
        </button>
        {FILTERS.map((value) => (
          <button key={value} type="button" class="secondary small" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {t(`caseStatus.${value}` as MessageKey)}
          </button>
        ))}
      </div>
      <ErrorMessage error={queue.error} />
      {queue.data && !queue.loading && cases.length === 0 && <p>{t('moderation.empty')}</p>}
      <ul class="plain cases">
        {cases.map((item) => (
          <li key={item.id} class={`card case priority-${item.priority.toLowerCase()}`}>
            <p>
              <span class={`badge priority-${item.priority.toLowerCase()}`}>{t(`priority.${item.priority}` as MessageKey)}</span>{' '}
              <Link href={`/moderation/cases/${item.id}`}>
                {item.post.title ?? t('moderation.replyIn', { title: item.post.thread?.title ?? '' })}
              </Link>
            </p>
            <p class="meta">
              {[...new Set(item.reasons.map((reason) => reason.category))]
                .map((category) => t(`categoryShort.${category}` as MessageKey))
                .join(', ')}
              {item.reportCount > 0 && <> · {t('moderation.reports', { count: item.reportCount })}</>} ·{' '}
              <When at={item.createdAt} relative /> ·{' '}
              {item.claimedBy
                ? t('moderation.claimedBy', { pseudonym: item.claimedBy.pseudonym })
                : t(`caseStatus.${item.status}` as MessageKey)}
            </p>
          </li>
        ))}
      </ul>
      {stats && <ReviewTimesChart rows={stats.byPriority} windowHours={windowHours} onWindow={setWindowHours} />}
    </Page>
  );
}
