import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** Listed in the API's order; no path ranks above another. */
export const PATHWAYS = ['TWELVE_STEP', 'SMART', 'MEDICATION', 'FAITH_BASED', 'SECULAR', 'HARM_REDUCTION', 'LOVED_ONE'] as const;

export function pathwayLabel(t: (key: MessageKey) => string, pathway: string): string {
  return t(`pathway.${pathway}` as MessageKey);
}

/** Checkboxes for any number of pathways (none is fine). */
export function PathwayChoices({
  legend,
  hint,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="field pathways">
      <legend>{legend}</legend>
      <p class="hint">{hint}</p>
      {PATHWAYS.map((pathway) => (
        <label key={pathway} class="check">
          <input
            type="checkbox"
            checked={value.includes(pathway)}
            onChange={(event) => onChange(event.currentTarget.checked ? [...value, pathway] : value.filter((chosen) => chosen !== pathway))}
          />{' '}
          {pathwayLabel(t, pathway)}
        </label>
      ))}
    </fieldset>
  );
}
