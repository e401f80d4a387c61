import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';

/**
 * A cache that keeps nothing longer than maxTtlSeconds, whatever the hints say: the operator's
 * RESPONSE_CACHE_TTL_SECONDS bounds how stale a time-derived value (days in recovery) can be.
 */
export class CappedTtlCache implements KeyValueCache<string> {
  constructor(
    private readonly inner: KeyValueCache<string>,
    private readonly maxTtlSeconds: number,
  ) {}

  get(key: string): Promise<string | undefined> {
    return this.inner.get(key);
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = Math.min(options?.ttl ?? this.maxTtlSeconds, this.maxTtlSeconds);
    return this.inner.set(key, value, { ...options, ttl });
  }

  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- KeyValueCache declares it so
  delete(key: string): Promise<boolean | void> {
    return this.inner.delete(key);
  }
}
