import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult } from 'graphql';
import { mapAsync } from '../common/async/map-async';

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
  return mapAsync(stream as AsyncIterable<unknown>, async (payload) =>
    execute({ ...args, rootValue: payload, contextValue: contextForEvent(operationContext) }),
  );
}
