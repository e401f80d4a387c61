import { loadConfig } from '../config/config';
import type { InstallationSecretsService } from './installation-secrets.service';
import type { SignInThrottleRepository, ThrottleAttempt, ThrottleOutcome } from './repositories/sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

const NOW = new Date('2026-11-30T08:00:00Z');

function setUp(env: Record<string, string> = {}, outcome: ThrottleOutcome | null = { allowed: true, blockedUntil: null }) {
  const attempts: ThrottleAttempt[] = [];
  const deleted: string[] = [];
  const repository = {
    reserve: async (attempt: ThrottleAttempt) => {
      attempts.push(attempt);
      return outcome;
    },
    delete: async (key: string) => {
      deleted.push(key);
    },
  } as unknown as SignInThrottleRepository;
  const secretNames: string[] = [];
  const secrets = {
    get: async (name: string) => {
      secretNames.push(name);
      return 'installation secret';
    },
  } as unknown as InstallationSecretsService;
  return { service: new SignInThrottleService(repository, loadConfig(env), secrets), attempts, deleted, secretNames };
}

describe('SignInThrottleService', () => {
  it('counts a pseudonym under one key whatever its case, and never under what was typed', async () => {
    const { service } = setUp();
    const key = await service.keyFor('QuietRiver42');
    await expect(service.keyFor('quietriver42')).resolves.toBe(key);
    expect(key).not.toContain('quietriver42');
    await expect(service.keyFor('QuietRiver43')).resolves.not.toBe(key);
  });

  it('keys with THROTTLE_KEY when it is set, and with the installation secret otherwise', async () => {
    const configured = setUp({ THROTTLE_KEY: 'operator key' });
    const generated = setUp();
    const withKey = await configured.service.keyFor('QuietRiver42');
    const withSecret = await generated.service.keyFor('QuietRiver42');
    expect(withKey).not.toBe(withSecret);
    expect(configured.secretNames).toEqual([]);
    expect(generated.secretNames).toEqual(['sign-in-throttle']);
  });

  it('lets an attempt through when the store allows it', async () => {
    const { service } = setUp();
    await expect(service.reserve('key', false, NOW)).resolves.toEqual({ allowed: true });
  });

  it('refuses a blocked attempt and says until when', async () => {
    const until = new Date('2026-11-30T08:15:00Z');
    const { service } = setUp({}, { allowed: false, blockedUntil: until });
    await expect(service.reserve('key', false, NOW)).resolves.toEqual({ allowed: false, blockedUntil: until });
  });

  it('counts with the configured backoff, forgetting failures older than a day, and passes a proof-of-work bypass on', async () => {
    const { service, attempts } = setUp({ SIGNIN_FREE_FAILURES: '3', SIGNIN_BASE_DELAY_SECONDS: '4', SIGNIN_MAX_DELAY_SECONDS: '60' });
    await service.reserve('key', true, NOW);
    expect(attempts).toEqual([
      {
        key: 'key',
        now: NOW,
        forgetBefore: new Date('2026-11-29T08:00:00Z'),
        freeFailures: 3,
        baseDelaySeconds: 4,
        maxDelaySeconds: 60,
        bypassBlock: true,
      },
    ]);
  });

  it('clears the key after a success', async () => {
    const { service, deleted } = setUp();
    await service.reset('key');
    expect(deleted).toEqual(['key']);
  });
});
