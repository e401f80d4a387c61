import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.heading')}>
      <p>
        {t('notFound.explain')} <Link href="/">{t('thread.backToFeed')}</Link>
      </p>
    </Page>
  );
}
