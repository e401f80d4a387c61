import { useEffect, useState } from 'preact/hooks';
import { Page } from '../components/page';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import { forgetSavedThreads, offlineSupported, savedThreads, type SavedThread } from '../offline/saved-threads';
import { Link } from '../router';

export function SavedPage() {
  const { t } = useI18n();
  const [saved, setSaved] = useState<SavedThread[] | null>(null);
  useEffect(() => {
    void savedThreads().then(setSaved);
  }, []);
  return (
    <Page title={t('saved.heading')}>
      <p class="lead">{offlineSupported() ? t('saved.intro') : t('saved.unsupported')}</p>
      {saved && saved.length === 0 && <p>{t('saved.empty')}</p>}
      {saved && saved.length > 0 && (
        <>
          <ul class="plain">
            {saved.map((entry) => (
              <li key={entry.id}>
                <Link href={`/t/${entry.id}`}>{entry.title}</Link> · {t('saved.savedOn')} <When at={entry.savedAt} />
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                await forgetSavedThreads();
                setSaved([]);
              }}
            >
              {t('saved.forgetAll')}
            </button>
          </p>
        </>
      )}
    </Page>
  );
}
