import type { ClientKeyService } from './client-key.service';
import { ClientRateLimitService } from './client-rate-limit.service';
import type { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';

const EPOCH_START = new Date('2026-11-30T00:00:00Z');

/** Counters in memory, one per (client, action, window start), as the counter table keeps them. */
function setUp() {
  const counters = new Map<string, number>();
  const repository = {
    increment: async (clientKey: string, action: string, windowStart: Date) => {
      const key = `${clientKey}|${action}|${windowStart.toISOString()}`;
      const count = (counters.get(key) ?? 0) + 1;
      counters.set(key, count);
      return count;
    },
  } as unknown as ClientRateCountersRepository;
  const clientKeys = { currentEpochStart: () => EPOCH_START } as unknown as ClientKeyService;
  return { service: new ClientRateLimitService(repository, clientKeys) };
}

describe('ClientRateLimitService', () => {
  it('counts attempts of one client in one window, each client apart', async () => {
    const { service } = setUp();
    const at = new Date('2026-11-30T00:10:00Z');
    await expect(service.count('client-a', 'REGISTER', 3600, at)).resolves.toMatchObject({ count: 1 });
    await expect(service.count('client-a', 'REGISTER', 3600, new Date('2026-11-30T00:50:00Z'))).resolves.toMatchObject({ count: 2 });
    await expect(service.count('client-b', 'REGISTER', 3600, at)).resolves.toMatchObject({ count: 1 });
  });

  it('starts a fresh count in the next window, windows being counted from the key epoch', async () => {
    const { service } = setUp();
    await service.count('client-a', 'REGISTER', 3600, new Date('2026-11-30T00:59:59Z'));
    await expect(service.count('client-a', 'REGISTER', 3600, new Date('2026-11-30T01:00:00Z'))).resolves.toMatchObject({ count: 1 });
  });

  it('says how long until the window ends, at least one second', async () => {
    const { service } = setUp();
    await expect(service.count('client-a', 'REGISTER', 3600, new Date('2026-11-30T00:10:00Z'))).resolves.toMatchObject({
      retryAfterSeconds: 3000,
    });
    await expect(service.count('client-a', 'REGISTER', 3600, new Date('2026-11-30T00:59:59.900Z'))).resolves.toMatchObject({
      retryAfterSeconds: 1,
    });
  });
});
