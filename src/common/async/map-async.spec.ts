import { EventIterator } from '../../moderation/event-iterator';
import { mapAsync } from './map-async';

describe('mapAsync', () => {
  it('maps values asynchronously, skipping nulls, and closes its source', async () => {
    const onClose = jest.fn();
    const events = new EventIterator<number>(onClose);
    const mapped = mapAsync(events, async (n) => (n % 2 ? `odd ${n}` : null));
    events.push(2);
    events.push(3);
    expect(await mapped.next()).toEqual({ value: 'odd 3', done: false });
    const pending = mapped.next();
    await mapped.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes its source when the mapping throws', async () => {
    const onClose = jest.fn();
    const events = new EventIterator<number>(onClose);
    const mapped = mapAsync(events, async () => {
      throw new Error('no longer allowed');
    });
    events.push(1);
    await expect(mapped.next()).rejects.toThrow('no longer allowed');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
