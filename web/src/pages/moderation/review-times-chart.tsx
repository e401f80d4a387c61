import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { formatDuration } from '../../text/duration';
import { REVIEW_WINDOWS, reviewBars, type PriorityReviewTimes, type ReviewWindow } from './review-times';

interface Props {
  rows: PriorityReviewTimes[];
  windowHours: ReviewWindow;
  onWindow: (hours: ReviewWindow) => void;
}

/**
 * Time to review per priority: a table (what a screen reader reads) whose cells carry small
 * SVG bars, median solid and 90th percentile faint behind it. SVG lengths are attributes, not
 * inline styles, so the page's CSP needs nothing new.
 */
export function ReviewTimesChart({ rows, windowHours, onWindow }: Props) {
  const { t } = useI18n();
  const bars = reviewBars(rows);
  return (
    <section class="review-times">
      <h2 id="review-times-title">{t('moderation.reviewTimes')}</h2>
      <div class="tabs" role="group" aria-label={t('moderation.reviewWindow')}>
        {REVIEW_WINDOWS.map((hours) => (
          <button key={hours} type="button" class="secondary small" aria-pressed={windowHours === hours} onClick={() => onWindow(hours)}>
            {t(`moderation.window.${hours}` as MessageKey)}
          </button>
        ))}
      </div>
      {/* On a narrow screen the table scrolls inside its own box, never the page; the box takes focus so keyboards can scroll it. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="review-times-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('moderation.priority')}</th>
              <th scope="col">{t('moderation.waitingNow')}</th>
              <th scope="col">{t('moderation.toClaim')}</th>
              <th scope="col">{t('moderation.toDecision')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const bar = bars.get(row.priority);
              return (
                <tr key={row.priority}>
                  <th scope="row">
                    <span class={`badge priority-${row.priority.toLowerCase()}`}>{t(`priority.${row.priority}` as MessageKey)}</span>
                  </th>
                  <td>{row.waiting}</td>
                  <Times
                    median={row.medianSecondsToClaim}
                    p90={row.p90SecondsToClaim}
                    count={row.claimed}
                    bar={[bar?.claimMedian, bar?.claimP90]}
                  />
                  <Times
                    median={row.medianSecondsToDecision}
                    p90={row.p90SecondsToDecision}
                    count={row.decided}
                    bar={[bar?.decisionMedian, bar?.decisionP90]}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="muted">{t('moderation.reviewTimesHelp')}</p>
    </section>
  );
}

/** One cell: the bar, then the figures in words; a priority without cases in the window says so. */
function Times({ median, p90, count, bar }: { median: number | null; p90: number | null; count: number; bar: [number?, number?] }) {
  const { t, language } = useI18n();
  if (count === 0) return <td>{t('moderation.noCases')}</td>;
  const time = (seconds: number | null) => (seconds === null ? '–' : formatDuration(seconds, language));
  return (
    <td>
      <Bar median={bar[0] ?? 0} p90={bar[1] ?? 0} />
      {t('moderation.timesLine', { median: time(median), p90: time(p90), count })}
    </td>
  );
}

function Bar({ median, p90 }: { median: number; p90: number }) {
  return (
    <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="p90" x="0" y="0" width={p90} height="8" />
      <rect class="median" x="0" y="0" width={median} height="8" />
    </svg>
  );
}
