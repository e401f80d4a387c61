/**
 * A tiny push-to-pull adapter: events pushed in are pulled out by a GraphQL subscription
 * (graphql-js consumes an AsyncIterator). Bounded: a slow client loses the oldest events
 * rather than growing memory without limit. `return()` (the client unsubscribed or the
 * socket closed) runs the cleanup once and ends the iteration.
 */
export class EventIterator<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private done = false;

  constructor(
    private readonly onClose: () => void = () => undefined,
    private readonly maxBuffered = 1000,
  ) {}

  push(value: T): void {
    if (this.done) return;
    const next = this.waiting.shift();
    if (next) {
      next({ value, done: false });
      return;
    }
    this.buffer.push(value);
    if (this.buffer.length > this.maxBuffered) this.buffer.shift();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  get closed(): boolean {
    return this.done;
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
    this.onClose();
  }
}
