import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export interface CrisisResource {
  name: string;
  contact: string;
  description: string;
  url: string | null;
}

/** The crisis resources the API chose for a draft or a held post (the operator's list), then Help now. */
export function CrisisList({ resources }: { resources: CrisisResource[] }) {
  const { t } = useI18n();
  if (resources.length === 0) return null;
  return (
    <section class="crisis" aria-labelledby="crisis-heading" role="region">
      <h2 id="crisis-heading">{t('crisis.heading')}</h2>
      <p>{t('crisis.intro')}</p>
      <ul>
        {resources.map((resource) => (
          <li key={resource.name}>
            <strong>{resource.name}</strong>: {resource.contact}
            <br />
            <span class="muted">{resource.description}</span>
            {resource.url && (
              <>
                {' '}
                <a href={resource.url} rel="noopener noreferrer" target="_blank">
                  {t('crisis.website')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/help">{t('crisis.allHelp')}</Link>
      </p>
    </section>
  );
}
