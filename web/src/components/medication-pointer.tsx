import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/**
 * Where the author of a post held for DOSING_INSTRUCTIONS is sent: the medication resources
 * and the questions to ask a prescriber. The API decides (ScreeningFeedback.resourceTopics);
 * the client only shows the links.
 */
export function MedicationPointer({ topics }: { topics: readonly string[] | undefined }) {
  const { t } = useI18n();
  if (!topics || topics.length === 0) return null;
  return (
    <section class="medication-pointer" aria-labelledby="dosing-heading">
      <h2 id="dosing-heading">{t('dosing.heading')}</h2>
      <p>{t('dosing.intro')}</p>
      <ul>
        {topics.includes('MEDICATION') && (
          <li>
            <Link href="/resources?topic=MEDICATION">{t('dosing.medication')}</Link>
          </li>
        )}
        {topics.includes('PRESCRIBER_QUESTIONS') && (
          <li>
            <Link href="/resources?topic=PRESCRIBER_QUESTIONS">{t('dosing.questions')}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
