import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { normalizeRecoveryCode } from './recovery-code-format';
import { RecoveryCodesService } from './recovery-codes.service';
import type { RecoveryCodesRepository } from './repositories/recovery-codes.repository';

const MANAGER = {} as EntityManager;

/** Codes kept in memory as the recovery_code table keeps them: hashes, with a used mark. */
function setUp(env: Record<string, string> = {}) {
  const rows: Array<{ accountId: string; codeHash: string; used: boolean }> = [];
  let lookups = 0;
  const repository = {
    replaceUnused: async (_manager: EntityManager, accountId: string, codeHashes: readonly string[]) => {
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i].accountId === accountId && !rows[i].used) rows.splice(i, 1);
      rows.push(...codeHashes.map((codeHash) => ({ accountId, codeHash, used: false })));
    },
    markUsed: async (_manager: EntityManager, accountId: string, codeHash: string) => {
      lookups++;
      const row = rows.find((candidate) => candidate.accountId === accountId && candidate.codeHash === codeHash && !candidate.used);
      if (row) row.used = true;
      return row !== undefined;
    },
  } as unknown as RecoveryCodesRepository;
  return { service: new RecoveryCodesService(repository, loadConfig(env)), rows, lookups: () => lookups };
}

describe('RecoveryCodesService', () => {
  it('issues RECOVERY_CODE_COUNT distinct codes in the xxxx-xxxx-xxxx form', async () => {
    const { service } = setUp({ RECOVERY_CODE_COUNT: '8' });
    const codes = await service.issue(MANAGER, 'account-1');
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
  });

  it('never stores a code as it was shown', async () => {
    const { service, rows } = setUp();
    const codes = await service.issue(MANAGER, 'account-1');
    for (const code of codes) {
      expect(rows.some((row) => row.codeHash.includes(normalizeRecoveryCode(code)!))).toBe(false);
    }
  });

  it('refuses a recovery code used twice', async () => {
    const { service } = setUp();
    const [code] = await service.issue(MANAGER, 'account-1');
    await expect(service.consume(MANAGER, 'account-1', code)).resolves.toBe(true);
    await expect(service.consume(MANAGER, 'account-1', code)).resolves.toBe(false);
  });

  it('accepts a code typed in capitals, with spaces, or with O and I for 0 and 1', async () => {
    // Fifty codes: one of them all but surely holds a 0 or a 1.
    const { service } = setUp({ RECOVERY_CODE_COUNT: '50' });
    const [code, ...others] = await service.issue(MANAGER, 'account-1');
    await expect(service.consume(MANAGER, 'account-1', ` ${code.toUpperCase().replace(/-/g, ' ')} `)).resolves.toBe(true);
    const withDigits = others.find((candidate) => /[01]/.test(candidate));
    expect(withDigits).toBeDefined();
    await expect(service.consume(MANAGER, 'account-1', withDigits!.replace(/0/g, 'O').replace(/1/g, 'I'))).resolves.toBe(true);
  });

  it("refuses another account's code", async () => {
    const { service } = setUp();
    const [code] = await service.issue(MANAGER, 'account-1');
    await service.issue(MANAGER, 'account-2');
    await expect(service.consume(MANAGER, 'account-2', code)).resolves.toBe(false);
    await expect(service.consume(MANAGER, 'account-1', code)).resolves.toBe(true);
  });

  it('stops the unused codes of the old set working once a new set is issued', async () => {
    const { service } = setUp();
    const [oldCode] = await service.issue(MANAGER, 'account-1');
    const [newCode] = await service.issue(MANAGER, 'account-1');
    await expect(service.consume(MANAGER, 'account-1', oldCode)).resolves.toBe(false);
    await expect(service.consume(MANAGER, 'account-1', newCode)).resolves.toBe(true);
  });

  it('refuses what cannot be a code without a lookup', async () => {
    const { service, lookups } = setUp();
    for (const typed of ['', 'abcd-efgh', 'abcd-efgh-ijkl-mnop', 'uuuu-uuuu-uuuu', 'me@example.org']) {
      await expect(service.consume(MANAGER, 'account-1', typed)).resolves.toBe(false);
    }
    expect(lookups()).toBe(0);
  });
});
