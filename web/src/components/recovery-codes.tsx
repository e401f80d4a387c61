import { useState } from 'preact/hooks';
import { saveFile } from '../files/save-file';
import { useI18n } from '../i18n/i18n';

/**
 * Recovery codes, shown once: download or print them, then say so. There is no e-mail to fall
 * back on, so "continue" waits for the explicit "I saved them".
 */
export function RecoveryCodes({ pseudonym, codes, onDone }: { pseudonym: string; codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [confirmed, setConfirmed] = useState(false);
  const download = () => {
    const text = `${t('codes.fileHeader', { pseudonym })}\n\n${codes.join('\n')}\n`;
    saveFile(`kindred-recovery-codes-${pseudonym}.txt`, text, 'text/plain');
  };
  return (
    <section class="recovery-codes" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t('codes.heading')}</h2>
      <p>{t('codes.explain')}</p>
      <ol class="codes" aria-label={t('codes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={download}>
          {t('codes.download')}
        </button>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('codes.print')}
        </button>
      </div>
      <label class="check no-print">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} /> {t('codes.saved')}
      </label>
      <p class="no-print">
        <button type="button" disabled={!confirmed} onClick={onDone}>
          {t('codes.continue')}
        </button>
      </p>
    </section>
  );
}
