import { MY_REPORTS } from '../api/reports-documents';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link } from '../router';
import { ErrorMessage } from './error-message';
import { When } from './when';

interface MyReport {
  id: string;
  reason: string;
  note: string | null;
  createdAt: string;
  status: string;
  post: { id: string; title?: string; thread?: { id: string; title: string } } | null;
}

/** The member's own reports with what became of each: plain statuses, never details about the other member. */
export function MyReports() {
  const { t } = useI18n();
  const query = useQuery<{ me: { myReports: MyReport[] } | null }>(MY_REPORTS);
  const reports = query.data?.me?.myReports ?? [];
  return (
    <section class="card" aria-labelledby="my-reports-heading">
      <h2 id="my-reports-heading">{t('myReports.heading')}</h2>
      <p class="muted">{t('myReports.intro')}</p>
      <ErrorMessage error={query.error} />
      {!query.loading && !query.error && reports.length === 0 && <p>{t('myReports.empty')}</p>}
      <ul class="plain my-reports">
        {reports.map((report) => (
          <li key={report.id}>
            <span class="badge">{t(`myReports.status.${report.status}` as MessageKey)}</span> <When at={report.createdAt} />
            <br />
            {t('myReports.reported', { reason: t(`categoryShort.${report.reason}` as MessageKey) })}
            {report.note && (
              <>
                <br />
                <span class="muted">“{report.note}”</span>
              </>
            )}
            <br />
            {report.post ? (
              <Link href={`/t/${report.post.thread?.id ?? report.post.id}`}>{t('myReports.viewPost')}</Link>
            ) : (
              <span class="muted">{t('myReports.postGone')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
