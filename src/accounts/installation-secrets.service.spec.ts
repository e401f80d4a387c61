import { InstallationSecretsService } from './installation-secrets.service';
import type { InstallationSecretsRepository } from './repositories/installation-secrets.repository';

/** The installation_secret table in memory; `failNext` makes the next read fail as a lost connection would. */
function setUp(initial: Record<string, string> = {}) {
  const table = new Map(Object.entries(initial));
  const state = { reads: 0, failNext: false };
  const repository = {
    insertIfAbsent: async (name: string, secret: string) => {
      if (!table.has(name)) table.set(name, secret);
    },
    find: async (name: string) => {
      state.reads++;
      if (state.failNext) {
        state.failNext = false;
        throw new Error('connection lost');
      }
      return table.get(name) ?? null;
    },
  } as unknown as InstallationSecretsRepository;
  return { service: new InstallationSecretsService(repository), table, state };
}

describe('InstallationSecretsService', () => {
  it('makes a secret of 32 random bytes on first use and stores it', async () => {
    const { service, table } = setUp();
    const secret = await service.get('proof-of-work');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(table.get('proof-of-work')).toBe(secret);
  });

  it('uses the secret another instance stored first', async () => {
    const { service } = setUp({ 'sign-in-throttle': 'made-by-another-instance' });
    await expect(service.get('sign-in-throttle')).resolves.toBe('made-by-another-instance');
  });

  it('keeps one secret per name', async () => {
    const { service } = setUp();
    const a = await service.get('a');
    const b = await service.get('b');
    expect(a).not.toBe(b);
    await expect(service.get('a')).resolves.toBe(a);
  });

  it('reads the database once per name, however many callers ask at once', async () => {
    const { service, state } = setUp();
    const secrets = await Promise.all([service.get('a'), service.get('a'), service.get('a')]);
    await service.get('a');
    expect(new Set(secrets).size).toBe(1);
    expect(state.reads).toBe(1);
  });

  it('tries again on the next use after a failed load', async () => {
    const { service, state } = setUp();
    state.failNext = true;
    await expect(service.get('a')).rejects.toThrow('connection lost');
    await expect(service.get('a')).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
