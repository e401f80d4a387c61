import { useState } from 'preact/hooks';
import { PSEUDONYM_SUGGESTIONS, REGISTER } from '../api/documents';
import { useQuery } from '../api/use-query';
import { withProofOfWork } from '../api/with-proof-of-work';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { SubmitWithStatus } from '../components/submit-with-status';
import { PassphraseField } from '../components/passphrase-field';
import { PerspectiveField } from '../components/perspective-field';
import { RecoveryCodes } from '../components/recovery-codes';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link, navigate } from '../router';
import { useSession } from '../session';

const OWN = '';

/** Joining: a suggested pseudonym (or one's own), a passphrase, and the recovery codes, once. */
export function RegisterPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const suggestions = useQuery<{ pseudonymSuggestions: string[] }>(PSEUDONYM_SUGGESTIONS);
  const [chosen, setChosen] = useState<string | null>(null);
  const [own, setOwn] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [perspective, setPerspective] = useState('UNSPECIFIED');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState<MessageKey | null>(null);
  const [codes, setCodes] = useState<{ pseudonym: string; codes: string[] } | null>(null);

  const offered = suggestions.data?.pseudonymSuggestions ?? [];
  const selected = chosen ?? offered[0] ?? OWN;
  const pseudonym = selected === OWN ? own.trim() : selected;

  if (codes) {
    return (
      <Page key="codes" title={t('register.welcome', { pseudonym: codes.pseudonym })}>
        <RecoveryCodes pseudonym={codes.pseudonym} codes={codes.codes} onDone={() => navigate('/')} />
      </Page>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setWorking('register.working');
    try {
      const data = await withProofOfWork<{ register: { recoveryCodes: string[] } }>(
        REGISTER,
        { pseudonym: pseudonym || null, passphrase, perspective },
        () => setWorking('common.proofOfWork'),
      );
      setCodes({ pseudonym, codes: data.register.recoveryCodes });
      setError(null);
      await refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setWorking(null);
    }
  };

  return (
    <Page title={t('register.heading')}>
      <p class="lead">{t('register.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('register.pseudonym')}</legend>
          <p class="hint">{t('register.pseudonymHint')}</p>
          {offered.map((name) => (
            <label key={name} class="check">
              <input type="radio" name="pseudonym" value={name} checked={selected === name} onChange={() => setChosen(name)} /> {name}
            </label>
          ))}
          <label class="check">
            <input type="radio" name="pseudonym" value={OWN} checked={selected === OWN} onChange={() => setChosen(OWN)} />{' '}
            {t('register.ownPseudonym')}
          </label>
          {selected === OWN && (
            <div class="field">
              <label for="own-pseudonym">{t('register.ownPseudonymLabel')}</label>
              <input
                id="own-pseudonym"
                required
                minLength={3}
                maxLength={24}
                pattern="[A-Za-z0-9_\-]{3,24}"
                autoComplete="username"
                aria-describedby="own-pseudonym-hint"
                value={own}
                onInput={(event) => setOwn(event.currentTarget.value)}
              />
              <p id="own-pseudonym-hint" class="hint">
                {t('register.ownPseudonymHint')}
              </p>
            </div>
          )}
        </fieldset>
        <PassphraseField
          id="register-passphrase"
          label={t('register.passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          isNew
          autoComplete="new-password"
        />
        <PerspectiveField id="register-perspective" value={perspective} onChange={setPerspective} />
        <p class="hint">{t('register.privacy')}</p>
        <SubmitWithStatus label={t('register.submit')} working={working} />
        <ErrorMessage error={error} />
      </form>
      <p>
        {t('register.haveAccount')} <Link href="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </Page>
  );
}
