import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { SCREEN_DRAFT } from '../api/documents';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { alternatives, applySuggestion, type Suggestion } from '../text/suggestions';
import { CrisisList, type CrisisResource } from './crisis-list';

interface DraftScreening {
  outcome: string;
  categories: string[];
  reasons: string[];
  suggestions: Suggestion[];
  crisisResources: CrisisResource[];
}

/** How long typing must pause before the draft is checked: a check per word would be noise and load. */
export const DRAFT_CHECK_DELAY_MS = 700;

/**
 * The draft check while writing: person-first suggestions with one-click "use this", and
 * crisis resources the moment a draft reads as a crisis. Nothing is stored by the check.
 */
export function DraftCheck({ body, onChange }: { body: string; onChange(next: string): void }) {
  const { t } = useI18n();
  const [result, setResult] = useState<DraftScreening | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const text = body.trim();
    if (text.length < 3) {
      setResult(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = window.setTimeout(async () => {
      try {
        const data = await request<{ screenDraft: DraftScreening }>(SCREEN_DRAFT, { body });
        if (ticket === latest.current) setResult(data.screenDraft);
      } catch {
        // The check is advice: when it fails, posting still works and screening still runs.
      }
    }, DRAFT_CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [body]);

  if (!result) return <div class="draft-check" aria-live="polite" />;
  const held = result.outcome === 'HOLD' || result.outcome === 'REJECT';
  return (
    <div class="draft-check" aria-live="polite">
      <CrisisList resources={result.crisisResources} />
      {held && (
        <div class="notice">
          <p>{t('draft.willBeReviewed')}</p>
          <ul>
            {result.categories.map((category) => (
              <li key={category}>{t(`reason.${category}` as MessageKey)}</li>
            ))}
          </ul>
        </div>
      )}
      {result.suggestions.length > 0 && (
        <section class="suggestions" aria-labelledby="suggestions-heading">
          <h3 id="suggestions-heading">{t('draft.suggestionsHeading')}</h3>
          <ul>
            {result.suggestions.map((suggestion) => (
              <li key={`${suggestion.start}-${suggestion.term}`}>
                <p>{t('draft.suggestion', { term: suggestion.term })}</p>
                <p class="actions">
                  {alternatives(suggestion).map((wording) => (
                    <button
                      key={wording}
                      type="button"
                      class="secondary small"
                      onClick={() => onChange(applySuggestion(body, suggestion, wording))}
                    >
                      {t('draft.useThis', { suggestion: wording })}
                    </button>
                  ))}
                </p>
                <p class="muted">{suggestion.explanation}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
