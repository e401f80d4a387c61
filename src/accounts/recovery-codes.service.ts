import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { formatRecoveryCode, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_CHARS } from './recovery-code-format';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { affectedRows } from './sql-result';

/** One-time recovery codes: shown once at registration (and after each recovery), stored hashed. */
@Injectable()
export class RecoveryCodesService {
  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  /** A fresh set for `accountId`; any unused codes from before stop working. Returns the plain codes. */
  async issue(manager: EntityManager, accountId: string): Promise<string[]> {
    await manager.query(`DELETE FROM recovery_code WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    const codes = new Set<string>();
    while (codes.size < this.config.recoveryCodeCount) codes.add(formatRecoveryCode(randomBytes(RECOVERY_CODE_CHARS)));
    const plain = [...codes];
    await manager.insert(
      RecoveryCodeEntity,
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a code just formatted always normalizes
      plain.map((code) => ({ accountId, codeHash: hashRecoveryCode(accountId, normalizeRecoveryCode(code)!), usedAt: null })),
    );
    return plain;
  }

  /** Spends `typed` if it is an unused code of the account; true when it was. Safe against two concurrent uses. */
  async consume(manager: EntityManager, accountId: string, typed: string): Promise<boolean> {
    const canonical = normalizeRecoveryCode(typed);
    if (canonical === null) return false;
    // Under concurrent use the second UPDATE waits for the first, re-reads used_at and matches nothing.
    const result: unknown = await manager.query(
      `UPDATE recovery_code SET used_at = now() WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [accountId, hashRecoveryCode(accountId, canonical)],
    );
    return affectedRows(result) > 0;
  }
}

