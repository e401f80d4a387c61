import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** A body with content warnings stays folded until the reader chooses to read it. */
export function WarningGate({ warnings, children }: { warnings: string[]; children: ComponentChildren }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return <>{children}</>;
  const names = warnings.map((warning) => t(`warning.${warning}` as MessageKey)).join(', ');
  return (
    <div class="warning-gate">
      <p class="warning-note">{t('warning.mentions', { topics: names })}</p>
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('warning.hide') : t('warning.show')}
      </button>
      {open && children}
    </div>
  );
}
