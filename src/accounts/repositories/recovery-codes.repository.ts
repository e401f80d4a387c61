import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecoveryCodeEntity } from '../recovery-code.entity';
import { affectedRows, integerColumn, rowsOf } from '../../database/sql-result';

/** The recovery_code table (codes stored hashed). Always in the caller's transaction. */
@Injectable()
export class RecoveryCodesRepository {
  /** Drops the account's unused codes and stores these hashes as its new set. */
  async replaceUnused(manager: EntityManager, accountId: string, codeHashes: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM recovery_code WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    await manager.insert(
      RecoveryCodeEntity,
      codeHashes.map((codeHash) => ({ accountId, codeHash, usedAt: null })),
    );
  }

  /** How many of the account's codes are still unused: a count, the hashes stay where they are. */
  async countUnused(manager: EntityManager, accountId: string): Promise<number> {
    const [row] = rowsOf(
      await manager.query(`SELECT count(*)::int AS unused FROM recovery_code WHERE account_id = $1 AND used_at IS NULL`, [accountId]),
    );
    return row ? integerColumn(row, 'unused') : 0;
  }

  /**
   * Marks the unused code with this hash used; true when there was one. Under concurrent use
   * the second UPDATE waits for the first, re-reads used_at and matches nothing.
   */
  async markUsed(manager: EntityManager, accountId: string, codeHash: string): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE recovery_code SET used_at = now() WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [accountId, codeHash],
    );
    return affectedRows(result) > 0;
  }
}
