import { useI18n } from '../i18n/i18n';

/** "Load more", never infinite scroll: the reader decides when there is more. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad(): void }) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <p class="load-more">
      <button type="button" onClick={onLoad} disabled={loading} aria-busy={loading}>
        {loading ? t('common.loading') : t('common.loadMore')}
      </button>
    </p>
  );
}
