import { EventIterator } from './event-iterator';

describe('EventIterator', () => {
  it('hands pushed values to pending and later pulls, in order', async () => {
    const events = new EventIterator<number>();
    const first = events.next();
    events.push(1);
    events.push(2);
    events.push(3);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await events.next()).toEqual({ value: 2, done: false });
    expect(await events.next()).toEqual({ value: 3, done: false });
  });

  it('cleans up once on return and ends waiting pulls', async () => {
    const onClose = jest.fn();
    const events = new EventIterator<number>(onClose);
    const pending = events.next();
    await events.return();
    await events.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    events.push(4);
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  it('drops the oldest values beyond its bound', async () => {
    const events = new EventIterator<number>(undefined, 2);
    events.push(1);
    events.push(2);
    events.push(3);
    expect((await events.next()).value).toBe(2);
  });
});
