import { ConfigError, loadConfig } from './config';

describe('queue settings', () => {
  it('default to 16 jobs at once per worker process, no WAL wait for the queue’s own writes, and a 5 s fallback look', () => {
    const config = loadConfig({});
    expect(config.workerConcurrency).toBe(16);
    expect(config.queue).toEqual({ synchronousCommit: false, drainDelaySeconds: 5 });
  });

  it('read WORKER_CONCURRENCY, QUEUE_SYNCHRONOUS_COMMIT and QUEUE_DRAIN_DELAY_SECONDS', () => {
    const config = loadConfig({ WORKER_CONCURRENCY: '4', QUEUE_SYNCHRONOUS_COMMIT: 'on', QUEUE_DRAIN_DELAY_SECONDS: '60' });
    expect(config.workerConcurrency).toBe(4);
    expect(config.queue).toEqual({ synchronousCommit: true, drainDelaySeconds: 60 });
  });

  it('refuse values out of range or not on/off', () => {
    expect(() => loadConfig({ WORKER_CONCURRENCY: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_CONCURRENCY: '65' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUEUE_SYNCHRONOUS_COMMIT: 'sometimes' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUEUE_DRAIN_DELAY_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUEUE_DRAIN_DELAY_SECONDS: '3601' })).toThrow(ConfigError);
  });
});
