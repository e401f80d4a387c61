import '../reports.css';
import { useQuery } from '../api/use-query';
import { RESOURCE_TOPICS, RESOURCES, type Resource, type ResourceTopic } from '../api/reports-documents';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link } from '../router';
import { useSession } from '../session';

function isTopic(value: string | null): value is ResourceTopic {
  return value !== null && (RESOURCE_TOPICS as readonly string[]).includes(value);
}

/**
 * The resource library, readable signed out. Its language follows the client's language
 * switch; the API gives English for a topic with no translation yet, and the entry says so.
 * `?topic=MEDICATION` shows one topic (where a held post's author is sent).
 */
export function ResourcesPage({ topic }: { topic: string | null }) {
  const { t, language } = useI18n();
  const { account } = useSession();
  const only = isTopic(topic) ? topic : null;
  const locale = language === 'es' ? 'ES' : 'EN';
  const query = useQuery<{ resources: Resource[] }>(RESOURCES, { locale, topic: only });
  const entries = query.data?.resources ?? [];
  const topics = RESOURCE_TOPICS.filter((each) => entries.some((entry) => entry.topic === each));
  return (
    <Page title={only ? t(`resources.topic.${only}` as MessageKey) : t('resources.heading')}>
      <p class="lead">{t('resources.intro')}</p>
      <p class="notice">
        <strong>{t('resources.emergency')}</strong>
      </p>
      {only && (
        <p>
          <Link href="/resources">{t('resources.showAll')}</Link>
        </p>
      )}
      {account?.member.role === 'ADMIN' && (
        <p>
          <Link href="/resources/manage">{t('resources.manage')}</Link>
        </p>
      )}
      <ErrorMessage error={query.error} />
      {!query.loading && !query.error && entries.length === 0 && <p>{t('resources.empty')}</p>}
      {topics.map((each) => (
        <section key={each} class="card resource-topic" aria-labelledby={`topic-${each}`}>
          {only ? null : <h2 id={`topic-${each}`}>{t(`resources.topic.${each}` as MessageKey)}</h2>}
          {only && (
            <h2 id={`topic-${each}`} class="visually-hidden">
              {t(`resources.topic.${each}` as MessageKey)}
            </h2>
          )}
          {entries
            .filter((entry) => entry.topic === each)
            .map((entry) => (
              <ResourceEntry key={entry.id} entry={entry} translated={entry.locale === locale} />
            ))}
        </section>
      ))}
    </Page>
  );
}

export function ResourceEntry({ entry, translated }: { entry: Resource; translated: boolean }) {
  const { t } = useI18n();
  return (
    <article class="resource" lang={entry.locale.toLowerCase()}>
      <h3>{entry.title}</h3>
      {!translated && <p class="muted">{t('resources.inEnglish')}</p>}
      <p class="resource-body">{entry.body}</p>
      {entry.contact && (
        <p>
          <strong>{entry.contact}</strong>
        </p>
      )}
      {entry.url && (
        <p>
          <a href={entry.url} rel="noopener noreferrer" target="_blank">
            {t('resources.website')}: {entry.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
          </a>
        </p>
      )}
    </article>
  );
}
