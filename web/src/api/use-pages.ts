import { useEffect, useRef, useState } from 'preact/hooks';

export interface Connection<T> {
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Pages<T> {
  /** null until the first page arrives (or when there is nothing to ask for). */
  items: T[] | null;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore(): void;
  /** Changes the items in hand (marking read, say) without asking again. */
  update(change: (items: T[]) => T[]): void;
}

/**
 * A list read page by page with "load more": the first page whenever `key` changes, the next
 * on request. `fetchPage` returns null when there is nothing to ask (an empty search, a
 * signed-out inbox). A page answered for an older key is dropped.
 */
export function usePages<T>(key: string, fetchPage: (after: string | null) => Promise<Connection<T> | null>): Pages<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [pageInfo, setPageInfo] = useState<Connection<T>['pageInfo']>({ hasNextPage: false, endCursor: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(key);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = async (after: string | null) => {
    const forKey = key;
    setLoading(true);
    try {
      const page = await fetcher.current(after);
      if (current.current !== forKey) return;
      if (page) {
        setItems((previous) => [...(after && previous ? previous : []), ...page.edges.map((edge) => edge.node)]);
        setPageInfo(page.pageInfo);
      } else {
        setItems(null);
        setPageInfo({ hasNextPage: false, endCursor: null });
      }
      setError(null);
    } catch (caught) {
      if (current.current === forKey) setError(caught);
    } finally {
      if (current.current === forKey) setLoading(false);
    }
  };

  useEffect(() => {
    current.current = key;
    setItems(null);
    void load(null);
  }, [key]);

  return {
    items,
    hasMore: pageInfo.hasNextPage,
    loading,
    error,
    loadMore: () => void load(pageInfo.endCursor),
    update: (change) => setItems((previous) => (previous ? change(previous) : previous)),
  };
}
