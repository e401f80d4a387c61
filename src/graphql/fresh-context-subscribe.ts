import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult } from 'graphql';

/** Maps an async iterator without the queuing of an async generator, so return() reaches the source at once. */
function mapAsyncIterator<T, U>(iterable: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    await iterator.return?.();
  };
  const mapped: AsyncIterableIterator<U> = {
    async next() {
      const result = await iterator.next();
      if (result.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await map(result.value) };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

/**
 * graphql-js `subscribe`, except that each event is executed with a context of its own
 * (made by `contextForEvent` from the operation's), so per-operation caches such as
 * DataLoaders never carry one event's data into the next on a long-lived subscription.
 */
export async function subscribeWithFreshContext<TContext>(
  args: ExecutionArgs,
  contextForEvent: (operationContext: TContext) => TContext,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const operationContext = args.contextValue as TContext;
  return mapAsyncIterator(stream as AsyncIterable<unknown>, async (payload) =>
    execute({ ...args, rootValue: payload, contextValue: contextForEvent(operationContext) }),
  );
}
