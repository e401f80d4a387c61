import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** A form's submit button, held while the form works, with what it is doing said aloud. */
export function SubmitWithStatus({ label, working }: { label: string; working: MessageKey | null }) {
  const { t } = useI18n();
  return (
    <>
      <button type="submit" disabled={working !== null}>
        {label}
      </button>
      {working && (
        <p role="status" class="notice">
          {t(working)}
        </p>
      )}
    </>
  );
}
