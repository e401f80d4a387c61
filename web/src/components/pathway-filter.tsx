import { useI18n } from '../i18n/i18n';
import { pathwayLabel, PATHWAYS } from './pathway-choices';

/** Narrows the feed or a space to one pathway; "all" by default. Every path listed alike. */
export function PathwayFilter({ value, onChange }: { value: string; onChange: (pathway: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="field pathway-filter">
      <label for="pathway-filter">{t('pathways.filter')}</label>
      <select id="pathway-filter" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('pathways.all')}</option>
        {PATHWAYS.map((pathway) => (
          <option key={pathway} value={pathway}>
            {pathwayLabel(t, pathway)}
          </option>
        ))}
      </select>
    </div>
  );
}
