import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { PASSPHRASE_MIN, passphraseStrength } from '../passphrase-strength';

/** A passphrase input with show/hide and, for new passphrases, a strength hint in words. */
export function PassphraseField({
  id,
  label,
  value,
  onInput,
  isNew = false,
  autoComplete,
}: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  isNew?: boolean;
  autoComplete: string;
}) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const strength = passphraseStrength(value);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="with-button">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          required
          minLength={isNew ? PASSPHRASE_MIN : undefined}
          autoComplete={autoComplete}
          value={value}
          aria-describedby={isNew ? `${id}-hint` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="button" class="secondary small" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? t('passphrase.hide') : t('passphrase.show')}
        </button>
      </div>
      {isNew && (
        <p id={`${id}-hint`} class={value === '' ? 'hint' : `hint strength-${strength}`} aria-live="polite">
          {value === ''
            ? t('passphrase.hint', { min: PASSPHRASE_MIN })
            : t(`passphrase.strength${strength}` as MessageKey, { min: PASSPHRASE_MIN })}
        </p>
      )}
    </div>
  );
}
