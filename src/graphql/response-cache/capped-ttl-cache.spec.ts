import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { CappedTtlCache } from './capped-ttl-cache';

class RecordingCache implements KeyValueCache<string> {
  readonly sets: Array<{ key: string; ttl: number | null | undefined }> = [];
  private readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
    this.sets.push({ key, ttl: options?.ttl });
    this.values.set(key, value);
  }
  async delete(key: string) {
    return this.values.delete(key);
  }
}

describe('CappedTtlCache', () => {
  it('keeps an answer no longer than the configured cap, and shorter when the hint says so', async () => {
    const inner = new RecordingCache();
    const cache = new CappedTtlCache(inner, 30);
    await cache.set('long', 'a', { ttl: 3600 });
    await cache.set('short', 'b', { ttl: 5 });
    await cache.set('unhinted', 'c');
    expect(inner.sets).toEqual([
      { key: 'long', ttl: 30 },
      { key: 'short', ttl: 5 },
      { key: 'unhinted', ttl: 30 },
    ]);
    expect(await cache.get('short')).toBe('b');
    await cache.delete('short');
    expect(await cache.get('short')).toBeUndefined();
  });
});
