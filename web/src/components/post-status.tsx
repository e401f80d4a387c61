import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { CrisisList, type CrisisResource } from './crisis-list';
import { MedicationPointer } from './medication-pointer';

export interface Screening {
  outcome: string;
  categories: string[];
  reasons: string[];
  crisisResources: CrisisResource[];
  /** Resource topics the author is pointed to (a dosing hold: medication and prescriber questions). */
  resourceTopics?: string[];
}

/**
 * What the author sees of their own post that is not simply published: "being reviewed" while
 * PENDING, then the outcome in plain words with what to do next. Nobody else sees this.
 */
export function PostStatus({ status, screening }: { status: string; screening: Screening | null }) {
  const { t } = useI18n();
  if (status === 'PUBLISHED') return null;
  const categories = screening?.categories ?? [];
  return (
    <div class={`post-status status-${status.toLowerCase()}`} role="status">
      <p>
        <strong>{t(`status.${status}` as MessageKey)}</strong> {t(`status.${status}.explain` as MessageKey)}
      </p>
      {(status === 'HELD' || status === 'REJECTED' || status === 'NEEDS_CHANGES') && categories.length > 0 && (
        <>
          <p>{t('status.reasonsIntro')}</p>
          <ul>
            {categories.map((category) => (
              <li key={category}>{t(`reason.${category}` as MessageKey)}</li>
            ))}
          </ul>
          <p>{t(`status.${status}.next` as MessageKey)}</p>
        </>
      )}
      {screening && <CrisisList resources={screening.crisisResources} />}
      {status === 'HELD' && <MedicationPointer topics={screening?.resourceTopics} />}
    </div>
  );
}
