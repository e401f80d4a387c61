import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { REPORT } from '../api/documents';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorMessage } from './error-message';

export const REPORT_REASONS = [
  'SELF_HARM',
  'OVERDOSE_EMERGENCY',
  'DRUG_SOURCING',
  'DOSING_INSTRUCTIONS',
  'PERSONAL_INFO',
  'HARASSMENT',
  'STIGMA',
  'SPAM',
  'OTHER',
];

/** Report a post to the moderators, behind a disclosure so it never crowds the reading. */
export function ReportForm({ postId }: { postId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (sent)
    return (
      <p class="notice" role="status">
        {t('report.thanks')}
      </p>
    );
  return (
    <details class="report">
      <summary>{t('report.open')}</summary>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await request(REPORT, { input: { postId, reason, note: note.trim() || null } });
            setSent(true);
          } catch (caught) {
            setError(caught);
          }
        }}
      >
        <label for={`reason-${postId}`}>{t('report.reason')}</label>
        <select id={`reason-${postId}`} required value={reason} onChange={(event) => setReason(event.currentTarget.value)}>
          <option value="">{t('report.choose')}</option>
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {t(`category.${value}` as MessageKey)}
            </option>
          ))}
        </select>
        <label for={`note-${postId}`}>{t('report.note')}</label>
        <textarea id={`note-${postId}`} rows={2} maxLength={1000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
        <button type="submit">{t('report.send')}</button>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
