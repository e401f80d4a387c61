import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { SEARCH } from '../api/documents';
import { usePages, type Connection } from '../api/use-pages';
import { ErrorMessage } from '../components/error-message';
import { LoadMore } from '../components/load-more';
import { MemberLine, type MemberSummary } from '../components/member-line';
import { Page } from '../components/page';
import { excerpt } from '../text/excerpt';
import { WarningGate } from '../components/warning-gate';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';

interface Hit {
  id: string;
  body: string;
  contentWarnings: string[];
  publishedAt: string | null;
  author: MemberSummary | null;
  title?: string;
  thread?: { id: string; title: string };
}

export function SearchPage({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const results = usePages<Hit>(initial, async (after) =>
    initial.trim() === '' ? null : (await request<{ search: Connection<Hit> }>(SEARCH, { query: initial, after })).search,
  );
  const hits = results.items;

  return (
    <Page title={t('search.heading')}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/search?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <label for="search-text">{t('search.label')}</label>
        <div class="with-button">
          <input id="search-text" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      <ErrorMessage error={results.error} />
      {hits && hits.length === 0 && <p role="status">{t('search.none')}</p>}
      {hits && hits.length > 0 && (
        <ul class="plain" aria-label={t('search.results')}>
          {hits.map((hit) => (
            <li key={hit.id} class="card">
              <h2>
                <Link href={`/t/${hit.thread?.id ?? hit.id}`}>{hit.title ?? t('search.replyIn', { title: hit.thread?.title ?? '' })}</Link>
              </h2>
              <p class="meta">
                <MemberLine member={hit.author} /> · <When at={hit.publishedAt} />
              </p>
              <WarningGate warnings={hit.contentWarnings}>
                <p class="excerpt">{excerpt(hit.body)}</p>
              </WarningGate>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={results.hasMore} loading={results.loading} onLoad={results.loadMore} />
    </Page>
  );
}
