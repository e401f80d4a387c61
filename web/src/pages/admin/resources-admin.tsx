import { useState } from 'preact/hooks';
import { request } from '../../api/graphql';
import {
  CREATE_RESOURCE,
  REORDER_RESOURCES,
  RESOURCE_LIBRARY,
  RESOURCE_TOPICS,
  RETIRE_RESOURCE,
  UPDATE_RESOURCE,
  type Resource,
  type ResourceTopic,
} from '../../api/reports-documents';
import { useQuery } from '../../api/use-query';
import { ErrorMessage } from '../../components/error-message';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { useSession } from '../../session';

interface Draft {
  topic: ResourceTopic;
  locale: 'EN' | 'ES';
  title: string;
  body: string;
  url: string;
  contact: string;
}

const EMPTY: Draft = { topic: 'CRISIS', locale: 'EN', title: '', body: '', url: '', contact: '' };

function draftOf(resource: Resource): Draft {
  const { topic, locale, title, body } = resource;
  return { topic, locale, title, body, url: resource.url ?? '', contact: resource.contact ?? '' };
}

/**
 * Admins keep the resource library here: add, edit, reorder within a topic and language,
 * retire (and show again). The server checks every field and writes each change to the audit log.
 */
export function ResourcesAdminPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const isAdmin = account?.member.role === 'ADMIN';
  const library = useQuery<{ resourceLibrary: Resource[] }>(RESOURCE_LIBRARY, {}, { skip: !isAdmin });
  const [error, setError] = useState<unknown>(null);
  if (account === undefined) return <Page title={t('common.loading')}>{null}</Page>;
  if (!isAdmin) {
    return (
      <Page title={t('resourcesAdmin.heading')}>
        <p>{t('resourcesAdmin.adminsOnly')}</p>
      </Page>
    );
  }
  const entries = library.data?.resourceLibrary ?? [];

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      await library.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  /** Swaps an entry with its neighbour in the same topic and language, and sends the whole new order. */
  const move = (entry: Resource, by: -1 | 1) =>
    act(async () => {
      const group = entries.filter((each) => each.topic === entry.topic && each.locale === entry.locale);
      const index = group.findIndex((each) => each.id === entry.id);
      const target = index + by;
      if (target < 0 || target >= group.length) return;
      const ids = group.map((each) => each.id);
      [ids[index], ids[target]] = [ids[target], ids[index]];
      await request(REORDER_RESOURCES, { ids });
    });

  return (
    <Page title={t('resourcesAdmin.heading')} wide>
      <ErrorMessage error={error ?? library.error} />
      <details class="card">
        <summary>{t('resourcesAdmin.new')}</summary>
        <ResourceForm initial={EMPTY} idPrefix="new" onSave={(draft) => act(() => request(CREATE_RESOURCE, { input: draft }))} />
      </details>
      {(['EN', 'ES'] as const).map((locale) =>
        RESOURCE_TOPICS.map((topic) => {
          const group = entries.filter((entry) => entry.topic === topic && entry.locale === locale);
          if (group.length === 0) return null;
          return (
            <section key={`${locale}-${topic}`} class="card" aria-labelledby={`admin-${locale}-${topic}`}>
              <h2 id={`admin-${locale}-${topic}`}>
                {t(`resources.topic.${topic}` as MessageKey)} · {t(`resourcesAdmin.locale.${locale}` as MessageKey)}
              </h2>
              <ul class="plain">
                {group.map((entry, index) => (
                  <li key={entry.id} class={entry.retired ? 'retired' : ''}>
                    <strong>{entry.title}</strong> {entry.retired && <span class="badge">{t('resourcesAdmin.retired')}</span>}
                    <div class="actions">
                      <button type="button" class="secondary" disabled={index === 0} onClick={() => void move(entry, -1)}>
                        {t('resourcesAdmin.moveUp')}
                      </button>{' '}
                      <button type="button" class="secondary" disabled={index === group.length - 1} onClick={() => void move(entry, 1)}>
                        {t('resourcesAdmin.moveDown')}
                      </button>{' '}
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => void act(() => request(RETIRE_RESOURCE, { id: entry.id, retired: !entry.retired }))}
                      >
                        {entry.retired ? t('resourcesAdmin.restore') : t('resourcesAdmin.retire')}
                      </button>
                    </div>
                    <details>
                      <summary>{t('resourcesAdmin.edit')}</summary>
                      <ResourceForm
                        initial={draftOf(entry)}
                        idPrefix={entry.id}
                        onSave={(draft) => act(() => request(UPDATE_RESOURCE, { id: entry.id, input: draft }))}
                      />
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          );
        }),
      )}
    </Page>
  );
}

function ResourceForm({ initial, idPrefix, onSave }: { initial: Draft; idPrefix: string; onSave(draft: Draft): Promise<void> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form
      class="resource-form"
      onSubmit={async (event) => {
        event.preventDefault();
        await onSave(draft);
        setSaved(true);
      }}
    >
      <label for={id('topic')}>{t('resourcesAdmin.topic')}</label>
      <select id={id('topic')} value={draft.topic} onChange={(event) => set({ topic: event.currentTarget.value as ResourceTopic })}>
        {RESOURCE_TOPICS.map((topic) => (
          <option key={topic} value={topic}>
            {t(`resources.topic.${topic}` as MessageKey)}
          </option>
        ))}
      </select>
      <label for={id('locale')}>{t('resourcesAdmin.locale')}</label>
      <select id={id('locale')} value={draft.locale} onChange={(event) => set({ locale: event.currentTarget.value as 'EN' | 'ES' })}>
        <option value="EN">{t('resourcesAdmin.locale.EN')}</option>
        <option value="ES">{t('resourcesAdmin.locale.ES')}</option>
      </select>
      <label for={id('title')}>{t('resourcesAdmin.title')}</label>
      <input id={id('title')} required value={draft.title} onInput={(event) => set({ title: event.currentTarget.value })} />
      <label for={id('body')}>{t('resourcesAdmin.body')}</label>
      <textarea id={id('body')} required rows={6} value={draft.body} onInput={(event) => set({ body: event.currentTarget.value })} />
      <label for={id('url')}>{t('resourcesAdmin.url')}</label>
      <input id={id('url')} type="url" value={draft.url} onInput={(event) => set({ url: event.currentTarget.value })} />
      <label for={id('contact')}>{t('resourcesAdmin.contact')}</label>
      <input id={id('contact')} value={draft.contact} onInput={(event) => set({ contact: event.currentTarget.value })} />
      <p>
        <button type="submit">{t('resourcesAdmin.save')}</button>{' '}
        {saved && (
          <span role="status" class="muted">
            {t('resourcesAdmin.saved')}
          </span>
        )}
      </p>
    </form>
  );
}
