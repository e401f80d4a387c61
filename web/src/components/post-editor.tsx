import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { DraftCheck } from './draft-check';

export const CONTENT_WARNINGS = ['RELAPSE', 'SUBSTANCE_USE', 'SELF_HARM', 'OVERDOSE', 'LOSS', 'TRAUMA'];
export const BODY_MAX = 20000;
export const TITLE_MAX = 140;

export interface Draft {
  title?: string;
  body: string;
  contentWarnings: string[];
}

/**
 * Writing a thread, a reply or an edit: the text, content warnings, and the draft check
 * beside it. The caller owns submitting; this owns the fields.
 */
export function PostEditor({
  idPrefix,
  draft,
  onChange,
  withTitle = false,
  bodyLabel,
}: {
  idPrefix: string;
  draft: Draft;
  onChange(next: Draft): void;
  withTitle?: boolean;
  bodyLabel: string;
}) {
  const { t } = useI18n();
  const [showWarnings, setShowWarnings] = useState(draft.contentWarnings.length > 0);
  return (
    <>
      {withTitle && (
        <div class="field">
          <label for={`${idPrefix}-title`}>{t('compose.title')}</label>
          <input
            id={`${idPrefix}-title`}
            required
            maxLength={TITLE_MAX}
            value={draft.title ?? ''}
            onInput={(event) => onChange({ ...draft, title: event.currentTarget.value })}
          />
        </div>
      )}
      <div class="field">
        <label for={`${idPrefix}-body`}>{bodyLabel}</label>
        <textarea
          id={`${idPrefix}-body`}
          required
          rows={8}
          maxLength={BODY_MAX}
          value={draft.body}
          aria-describedby={`${idPrefix}-body-hint`}
          onInput={(event) => onChange({ ...draft, body: event.currentTarget.value })}
        />
        <p id={`${idPrefix}-body-hint`} class="hint">
          {t('compose.bodyHint')}
        </p>
      </div>
      <DraftCheck body={draft.body} onChange={(body) => onChange({ ...draft, body })} />
      <fieldset class="warnings">
        <legend>{t('compose.warnings')}</legend>
        {!showWarnings ? (
          <button type="button" class="link-button" onClick={() => setShowWarnings(true)}>
            {t('compose.addWarnings')}
          </button>
        ) : (
          <>
            <p class="hint">{t('compose.warningsHint')}</p>
            {CONTENT_WARNINGS.map((warning) => (
              <label key={warning} class="check">
                <input
                  type="checkbox"
                  checked={draft.contentWarnings.includes(warning)}
                  onChange={(event) =>
                    onChange({
                      ...draft,
                      contentWarnings: event.currentTarget.checked
                        ? [...draft.contentWarnings, warning]
                        : draft.contentWarnings.filter((item) => item !== warning),
                    })
                  }
                />{' '}
                {t(`warning.${warning}` as MessageKey)}
              </label>
            ))}
          </>
        )}
      </fieldset>
    </>
  );
}
