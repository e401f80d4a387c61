import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { SPACES, START_THREAD } from '../api/documents';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { PostEditor, type Draft } from '../components/post-editor';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { PathwayChoices } from '../components/pathway-choices';

/** Start a thread: a space, a title, the story, warnings; the draft check helps while writing. */
export function ComposePage({ spaceId }: { spaceId: string | null }) {
  const { t } = useI18n();
  const { account } = useSession();
  const spaces = useQuery<{ spaces: Array<{ id: string; name: string; description: string }> }>(SPACES);
  const [space, setSpace] = useState(spaceId ?? '');
  const [draft, setDraft] = useState<Draft>({ title: '', body: '', contentWarnings: [] });
  const [pathways, setPathways] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  if (account === null) {
    return (
      <Page title={t('compose.heading')}>
        <p>
          {t('compose.signInFirst')} <Link href="/sign-in">{t('nav.signIn')}</Link> · <Link href="/join">{t('nav.join')}</Link>
        </p>
      </Page>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      const data = await request<{ startThread: { id: string } }>(START_THREAD, {
        input: { spaceId: space, title: draft.title, body: draft.body, contentWarnings: draft.contentWarnings, pathways },
      });
      navigate(`/t/${data.startThread.id}`);
    } catch (caught) {
      setError(caught);
      setSending(false);
    }
  };

  return (
    <Page title={t('compose.heading')}>
      <p class="lead">{t('compose.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="compose-space">{t('compose.space')}</label>
          <select id="compose-space" required value={space} onChange={(event) => setSpace(event.currentTarget.value)}>
            <option value="">{t('compose.chooseSpace')}</option>
            {spaces.data?.spaces.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <PostEditor idPrefix="compose" draft={draft} onChange={setDraft} withTitle bodyLabel={t('compose.body')} />
        <PathwayChoices legend={t('pathways.filter')} hint={t('pathways.threadHint')} value={pathways} onChange={setPathways} />
        <p class="hint">{t('compose.reviewNote')}</p>
        <button type="submit" disabled={sending}>
          {t('compose.submit')}
        </button>
        <ErrorMessage error={error} />
      </form>
    </Page>
  );
}
