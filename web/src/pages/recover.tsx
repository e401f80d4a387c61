import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { RECOVER } from '../api/documents';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { PassphraseField } from '../components/passphrase-field';
import { RecoveryCodes } from '../components/recovery-codes';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { useSession } from '../session';

/** A forgotten passphrase: one recovery code sets a new one, and a fresh set of codes replaces the old. */
export function RecoverPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [pseudonym, setPseudonym] = useState('');
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) {
    return (
      <Page key="codes" title={t('recover.done')}>
        <RecoveryCodes pseudonym={pseudonym.trim()} codes={codes} onDone={() => navigate('/')} />
      </Page>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const data = await request<{ recoverAccount: { recoveryCodes: string[] } }>(RECOVER, {
        input: { pseudonym: pseudonym.trim(), recoveryCode: code.trim(), newPassphrase: passphrase },
      });
      setCodes(data.recoverAccount.recoveryCodes);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Page title={t('recover.heading')}>
      <p class="lead">{t('recover.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="recover-pseudonym">{t('signIn.pseudonym')}</label>
          <input
            id="recover-pseudonym"
            required
            autoComplete="username"
            value={pseudonym}
            onInput={(event) => setPseudonym(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="recover-code">{t('recover.code')}</label>
          <input
            id="recover-code"
            required
            autoComplete="one-time-code"
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
        </div>
        <PassphraseField
          id="recover-passphrase"
          label={t('recover.newPassphrase')}
          value={passphrase}
          onInput={setPassphrase}
          isNew
          autoComplete="new-password"
        />
        <button type="submit">{t('recover.submit')}</button>
        <ErrorMessage error={error} />
      </form>
    </Page>
  );
}
