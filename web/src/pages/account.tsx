import { useEffect, useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { CHANGE_PASSPHRASE, DELETE_ACCOUNT, MY_DATA, MY_POSTS, UPDATE_PROFILE } from '../api/documents';
import { useQuery } from '../api/use-query';
import { BlockedMembers } from '../components/blocked-members';
import { ErrorMessage } from '../components/error-message';
import { MyReports } from '../components/my-reports';
import { Page } from '../components/page';
import { PassphraseField } from '../components/passphrase-field';
import { PerspectiveField } from '../components/perspective-field';
import { saveFile } from '../files/save-file';
import { excerpt } from '../text/excerpt';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Link, navigate } from '../router';
import { useSession, type SignedInMember } from '../session';
import { ContentPreferencesSection, PathwaysSection, ProgressSection } from './account-progress';

export function AccountPage() {
  const { t } = useI18n();
  const { account, signOut } = useSession();
  if (account === undefined) return <Page title={t('common.loading')}>{null}</Page>;
  if (account === null) {
    return (
      <Page title={t('account.heading')}>
        <p>
          <Link href="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('account.heading')}>
      <p class="lead">{t('account.signedInAs', { pseudonym: account.member.pseudonym })}</p>
      <p>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await signOut();
            navigate('/');
          }}
        >
          {t('account.signOut')}
        </button>
      </p>
      <ProfileForm account={account} />
      <ProgressSection account={account} />
      <PathwaysSection account={account} />
      <ContentPreferencesSection account={account} />
      <MyPosts />
      <BlockedMembers />
      <MyReports />
      <ChangePassphrase />
      <DownloadMyData />
      <DeleteAccount />
    </Page>
  );
}

function ProfileForm({ account }: { account: SignedInMember }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [perspective, setPerspective] = useState(account.member.perspective);
  const [start, setStart] = useState(account.recoveryStartDate ?? '');
  const [share, setShare] = useState(account.shareRecoveryDays);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setSaved(false), [perspective, start, share]);
  return (
    <form
      class="card"
      aria-labelledby="profile-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await request(UPDATE_PROFILE, { input: { perspective, recoveryStartDate: start || null, shareRecoveryDays: share } });
          await refresh();
          setSaved(true);
          setError(null);
        } catch (caught) {
          setError(caught);
        }
      }}
    >
      <h2 id="profile-heading">{t('account.profile')}</h2>
      <PerspectiveField id="profile-perspective" value={perspective} onChange={setPerspective} />
      <div class="field">
        <label for="profile-start">{t('account.recoveryStart')}</label>
        <input
          id="profile-start"
          type="date"
          value={start}
          max={new Date().toISOString().slice(0, 10)}
          aria-describedby="profile-start-hint"
          onInput={(event) => setStart(event.currentTarget.value)}
        />
        <p id="profile-start-hint" class="hint">
          {t('account.recoveryStartHint')}
        </p>
      </div>
      <label class="check">
        <input type="checkbox" checked={share} onChange={(event) => setShare(event.currentTarget.checked)} /> {t('account.shareDays')}
      </label>
      <button type="submit">{t('account.saveProfile')}</button>
      {saved && (
        <p role="status" class="notice">
          {t('account.profileSaved')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}

interface MyPost {
  id: string;
  body: string;
  status: string;
  createdAt: string;
  title?: string;
  thread?: { id: string; title: string };
}

function MyPosts() {
  const { t } = useI18n();
  const posts = useQuery<{ me: { posts: { edges: Array<{ node: MyPost }> } } | null }>(MY_POSTS);
  const list = posts.data?.me?.posts.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="card" aria-labelledby="my-posts-heading">
      <h2 id="my-posts-heading">{t('account.myPosts')}</h2>
      {list.length === 0 && !posts.loading && <p>{t('account.noPosts')}</p>}
      <ul class="plain">
        {list.map((post) => (
          <li key={post.id}>
            <Link href={`/t/${post.thread?.id ?? post.id}`}>{post.title ?? t('account.replyIn', { title: post.thread?.title ?? '' })}</Link>{' '}
            <span class="badge">{t(`status.${post.status}` as MessageKey)}</span> <When at={post.createdAt} />
            <br />
            <span class="muted">{excerpt(post.body, 120)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChangePassphrase() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card"
      aria-labelledby="passphrase-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await request(CHANGE_PASSPHRASE, { input: { currentPassphrase: current, newPassphrase: next } });
          setDone(true);
          setCurrent('');
          setNext('');
          setError(null);
        } catch (caught) {
          setError(caught);
          setDone(false);
        }
      }}
    >
      <h2 id="passphrase-heading">{t('account.changePassphrase')}</h2>
      <PassphraseField
        id="current-passphrase"
        label={t('account.currentPassphrase')}
        value={current}
        onInput={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        id="new-passphrase"
        label={t('account.newPassphrase')}
        value={next}
        onInput={setNext}
        isNew
        autoComplete="new-password"
      />
      <button type="submit">{t('account.changePassphraseSubmit')}</button>
      {done && (
        <p role="status" class="notice">
          {t('account.passphraseChanged')}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}

/** Everything Kindred keeps about the member, fetched only when asked for and saved as one JSON file. */
function DownloadMyData() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="card" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('account.myData')}</h2>
      <p>{t('account.myDataIntro')}</p>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setSaved(false);
          setError(null);
          try {
            const { myData } = await request<{ myData: { fileName: string; json: string } }>(MY_DATA);
            saveFile(myData.fileName, myData.json, 'application/json');
            setSaved(true);
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('account.myDataPreparing') : t('account.myDataDownload')}
      </button>
      {saved && (
        <p role="status" class="notice">
          {t('account.myDataSaved')}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** Deleting, with both ways explained in plain words before anything happens. */
function DeleteAccount() {
  const { t } = useI18n();
  const { ended } = useSession();
  const [mode, setMode] = useState<'ERASE' | 'ANONYMIZE' | ''>('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="card danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('account.delete')}</h2>
      <p>{t('account.deleteIntro')}</p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!window.confirm(t(mode === 'ERASE' ? 'account.confirmErase' : 'account.confirmAnonymize'))) return;
          try {
            await request(DELETE_ACCOUNT, { input: { passphrase, mode } });
            await ended();
            navigate('/');
          } catch (caught) {
            setError(caught);
          }
        }}
      >
        <fieldset>
          <legend>{t('account.deleteHow')}</legend>
          <label class="check">
            <input
              type="radio"
              name="delete-mode"
              value="ANONYMIZE"
              required
              checked={mode === 'ANONYMIZE'}
              onChange={() => setMode('ANONYMIZE')}
            />{' '}
            <strong>{t('account.anonymize')}</strong>: {t('account.anonymizeExplain')}
          </label>
          <label class="check">
            <input type="radio" name="delete-mode" value="ERASE" checked={mode === 'ERASE'} onChange={() => setMode('ERASE')} />{' '}
            <strong>{t('account.erase')}</strong>: {t('account.eraseExplain')}
          </label>
        </fieldset>
        <PassphraseField
          id="delete-passphrase"
          label={t('account.deletePassphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
        />
        <button type="submit" class="danger">
          {t('account.deleteSubmit')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}
