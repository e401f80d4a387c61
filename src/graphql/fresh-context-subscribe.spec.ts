import { buildSchema, ExecutionResult, parse } from 'graphql';
import { subscribeWithFreshContext } from './fresh-context-subscribe';

interface Ctx {
  generation: number;
}

const schema = buildSchema(`type Query { ok: Boolean } type Subscription { tick: Int }`);

/** A source that yields the given events, then waits until returned (like a live event bus). */
function source(events: number[]): { iterable: AsyncIterable<number>; returned: () => boolean } {
  let done = false;
  let index = 0;
  const iterator: AsyncIterableIterator<number> = {
    next: () =>
      index < events.length
        ? Promise.resolve({ done: false, value: events[index++] })
        : new Promise<IteratorResult<number>>(() => undefined),
    return: () => {
      done = true;
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { iterable: iterator, returned: () => done };
}

function tickField() {
  const field = schema.getSubscriptionType()?.getFields().tick;
  if (!field) throw new Error('schema has no tick subscription');
  return field;
}

describe('subscribeWithFreshContext', () => {
  it('resolves every event with a context of its own, made from the operation’s', async () => {
    const events = source([1, 2, 3]);
    const seen: Ctx[] = [];
    // buildSchema gives no field resolvers; attach them to the subscription field.
    const field = tickField();
    field.subscribe = () => events.iterable;
    field.resolve = (payload: number, _args: unknown, context: Ctx) => {
      seen.push(context);
      return payload;
    };
    let made = 0;
    const operationContext: Ctx = { generation: 0 };
    const stream = (await subscribeWithFreshContext<Ctx>(
      { schema, document: parse('subscription { tick }'), contextValue: operationContext },
      () => ({ generation: ++made }),
    )) as AsyncIterableIterator<ExecutionResult>;
    const results = [await stream.next(), await stream.next(), await stream.next()];
    expect(results.map((result) => (result.value as ExecutionResult).data)).toEqual([{ tick: 1 }, { tick: 2 }, { tick: 3 }]);
    expect(seen.map((context) => context.generation)).toEqual([1, 2, 3]);
    expect(new Set(seen).size).toBe(3);
    expect(seen).not.toContain(operationContext);
  });

  it('passes return() to the source at once, even while waiting for the next event', async () => {
    const events = source([]);
    tickField().subscribe = () => events.iterable;
    const stream = (await subscribeWithFreshContext<Ctx>(
      { schema, document: parse('subscription { tick }'), contextValue: { generation: 0 } },
      (c) => c,
    )) as AsyncIterableIterator<ExecutionResult>;
    void stream.next();
    await stream.return?.();
    expect(events.returned()).toBe(true);
  });
});
