import { queueWaitSeconds } from './queue-wait';

describe('queueWaitSeconds', () => {
  it('measures from enqueue, or from the end of a delay, to the start', () => {
    expect(queueWaitSeconds({ timestamp: 1_000, delay: 0, processedOn: 3_500 }, 9_999)).toBe(2.5);
    expect(queueWaitSeconds({ timestamp: 1_000, delay: 2_000, processedOn: 3_500 }, 9_999)).toBe(0.5);
  });

  it('falls back to now before the backend set a start, and never goes negative', () => {
    expect(queueWaitSeconds({ timestamp: 1_000, delay: 0, processedOn: undefined }, 2_000)).toBe(1);
    expect(queueWaitSeconds({ timestamp: 5_000, delay: 0, processedOn: 4_990 }, 9_999)).toBe(0);
  });
});
