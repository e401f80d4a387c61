/**
 * Maps each value of an async iterable through an async function, skipping values mapped to
 * null (e.g. a case deleted meanwhile). Not an async generator on purpose: a generator's
 * return() waits for the pending next(), which may never come on a live event stream; this
 * one closes its source at once, and also when the mapping throws, so a failed subscription
 * leaves no listener behind.
 */
export function mapAsync<T, U>(source: AsyncIterable<T>, fn: (value: T) => Promise<U | null>): AsyncIterableIterator<U> {
  const upstream = source[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    await upstream.return?.();
  };
  const iterator: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await upstream.next();
        if (result.done) return { value: undefined, done: true };
        let mapped: U | null;
        try {
          mapped = await fn(result.value);
        } catch (error) {
          await close().catch(() => undefined);
          throw error;
        }
        if (mapped !== null) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await close();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<U>> {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
