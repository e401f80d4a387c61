import { useState } from 'preact/hooks';
import { SIGN_IN } from '../api/documents';
import { withProofOfWork } from '../api/with-proof-of-work';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { SubmitWithStatus } from '../components/submit-with-status';
import { PassphraseField } from '../components/passphrase-field';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link, navigate } from '../router';
import { useSession } from '../session';

export function SignInPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [pseudonym, setPseudonym] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState<MessageKey | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setWorking('signIn.working');
    try {
      await withProofOfWork(SIGN_IN, { pseudonym: pseudonym.trim(), passphrase }, () => setWorking('common.proofOfWork'));
      await refresh();
      navigate('/');
    } catch (caught) {
      setError(caught);
      setWorking(null);
    }
  };

  return (
    <Page title={t('signIn.heading')}>
      <form onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="sign-in-pseudonym">{t('signIn.pseudonym')}</label>
          <input
            id="sign-in-pseudonym"
            required
            autoComplete="username"
            value={pseudonym}
            onInput={(event) => setPseudonym(event.currentTarget.value)}
          />
        </div>
        <PassphraseField
          id="sign-in-passphrase"
          label={t('signIn.passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
        />
        <SubmitWithStatus label={t('signIn.submit')} working={working} />
        <ErrorMessage error={error} />
      </form>
      <p>
        <Link href="/recover">{t('signIn.forgot')}</Link> · <Link href="/join">{t('nav.join')}</Link>
      </p>
    </Page>
  );
}
