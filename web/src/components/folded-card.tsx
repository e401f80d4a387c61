import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { useSession } from '../session';

/**
 * The warnings of a post the signed-in member chose to COLLAPSE (content preferences): such a
 * card is folded whole, title too, until they open it. HIDE is the server's (those posts never
 * arrive); SHOW keeps the usual warning note over the words.
 */
export function useFoldedWarnings(warnings: string[]): string[] {
  const { account } = useSession();
  if (!account || warnings.length === 0) return [];
  const collapsed = new Set(account.contentPreferences.filter((p) => p.display === 'COLLAPSE').map((p) => p.warning));
  return warnings.filter((warning) => collapsed.has(warning));
}

export function FoldedCard({ warnings, onOpen }: { warnings: string[]; onOpen: () => void }) {
  const { t } = useI18n();
  const topics = warnings.map((warning) => t(`warning.${warning}` as MessageKey)).join(', ');
  return (
    <article class="card thread-card folded">
      <p class="warning-note">{t('preferences.folded', { topics })}</p>
      <button type="button" class="link-button" aria-expanded={false} onClick={onOpen}>
        {t('preferences.open')}
      </button>
    </article>
  );
}
