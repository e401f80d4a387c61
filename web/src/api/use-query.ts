import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from './graphql';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Runs a query when its variables change; a newer answer always wins over a slower older one. */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, options: { skip?: boolean } = {}): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!options.skip);
  const latest = useRef(0);
  const key = JSON.stringify(variables);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await request<T>(query, JSON.parse(key) as Record<string, unknown>);
      if (ticket !== latest.current) return;
      setData(result);
      setError(null);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL_SERVER_ERROR', String(caught)));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [query, key]);

  useEffect(() => {
    if (!options.skip) void run();
  }, [run, options.skip]);

  return { data, error, loading, reload: run };
}
