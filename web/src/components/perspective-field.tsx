import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export const PERSPECTIVES = ['IN_RECOVERY', 'FAMILY_OR_FRIEND', 'SUPPORTER', 'UNSPECIFIED'];

/** How a member relates to recovery, shown beside their pseudonym: chosen on joining, changed in the profile. */
export function PerspectiveField({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t('register.perspective')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {PERSPECTIVES.map((perspective) => (
          <option key={perspective} value={perspective}>
            {t(`perspective.${perspective}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
