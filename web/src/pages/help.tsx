import { Page } from '../components/page';
import { HELP_LINES, NALOXONE_STEPS } from '../help/crisis-lines';
import { useI18n } from '../i18n/i18n';

/** Help now: bundled with the app, so it shows offline and never waits for the API. */
export function HelpPage() {
  const { t } = useI18n();
  return (
    <Page title={t('help.heading')}>
      <p class="lead">{t('help.intro')}</p>
      <ul class="help-lines plain">
        {HELP_LINES.map((line) => (
          <li key={line.id} class="card">
            <h2>{t(line.name)}</h2>
            <p>{t(line.description)}</p>
            <p class="help-actions">
              {line.actions.map((action) => (
                <a
                  key={action.label}
                  class={`button help-${action.kind}`}
                  href={action.body ? `${action.href}?&body=${encodeURIComponent(t(action.body))}` : action.href}
                  {...(action.kind === 'chat' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                >
                  {t(action.label)}
                </a>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <section class="card" aria-labelledby="naloxone-heading">
        <h2 id="naloxone-heading">{t('help.naloxone.heading')}</h2>
        <ol>
          {NALOXONE_STEPS.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
      </section>
      <p class="muted">{t('help.offline')}</p>
    </Page>
  );
}
