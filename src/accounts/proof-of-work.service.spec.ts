import { solveChallenge } from 'altcha-lib';
import type { Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { loadConfig } from '../config/config';
import type { InstallationSecretsService } from './installation-secrets.service';
import { encodeSolvedPayload } from './proof-of-work-payload';
import { ProofOfWorkService } from './proof-of-work.service';
import type { ProofOfWorkRepository } from './repositories/proof-of-work.repository';

/** Spent signatures in memory, as the proof_of_work_spent table keeps them across instances. */
function setUp(env: Record<string, string> = {}, spent = new Set<string>()) {
  let lookups = 0;
  const repository = {
    markSpent: async (signature: string) => {
      lookups++;
      if (spent.has(signature)) return false;
      spent.add(signature);
      return true;
    },
  } as unknown as ProofOfWorkRepository;
  const secrets = { get: async () => 'installation secret' } as unknown as InstallationSecretsService;
  return {
    service: new ProofOfWorkService(repository, loadConfig({ POW_MAX_NUMBER: '50', ...env }), secrets),
    spent,
    lookups: () => lookups,
  };
}

async function solve(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return encodeSolvedPayload(challenge, solution);
}

describe('ProofOfWorkService', () => {
  it('accepts a solved challenge once, and refuses the same solution the second time', async () => {
    const { service } = setUp();
    const payload = await solve((await service.issue()).challenge);
    await expect(service.spend(payload)).resolves.toBe(true);
    await expect(service.spend(payload)).resolves.toBe(false);
  });

  it('refuses a solution another instance has spent already', async () => {
    const spent = new Set<string>();
    const first = setUp({}, spent);
    const second = setUp({}, spent);
    const payload = await solve((await first.service.issue()).challenge);
    await expect(second.service.spend(payload)).resolves.toBe(true);
    await expect(first.service.spend(payload)).resolves.toBe(false);
  });

  it('refuses a challenge whose time has passed, without recording it', async () => {
    const { service, lookups } = setUp({ POW_CHALLENGE_TTL_SECONDS: '60' });
    const payload = await solve((await service.issue(new Date(Date.now() - 3600_000))).challenge);
    await expect(service.spend(payload)).resolves.toBe(false);
    expect(lookups()).toBe(0);
  });

  it('refuses a challenge signed with another key', async () => {
    const elsewhere = setUp({ POW_HMAC_KEY: 'another installation' });
    const { service } = setUp();
    const payload = await solve((await elsewhere.service.issue()).challenge);
    await expect(service.spend(payload)).resolves.toBe(false);
  });

  it('refuses a missing or malformed payload without recording it', async () => {
    const { service, lookups } = setUp();
    for (const payload of [null, undefined, '', 'not base64 json', '{"challenge":{}}']) {
      await expect(service.spend(payload)).resolves.toBe(false);
    }
    expect(lookups()).toBe(0);
  });

  it('issues challenges within the configured difficulty and lifetime', async () => {
    const { service } = setUp({ POW_MAX_NUMBER: '1000', POW_CHALLENGE_TTL_SECONDS: '120' });
    const now = new Date('2026-11-30T08:00:00.500Z');
    const issued = await service.issue(now);
    expect(issued).toMatchObject({ algorithm: 'SHA-256', maxNumber: 1000, expiresAt: new Date('2026-11-30T08:02:00Z') });
  });
});
