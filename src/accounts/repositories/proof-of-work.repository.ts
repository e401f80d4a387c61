import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows } from '../../database/sql-result';

/** The proof_of_work_spent table: signatures of solved challenges already used, until they expire. */
@Injectable()
export class ProofOfWorkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the signature as spent; false when it was spent already (by this or another instance). */
  async markSpent(signature: string, expiresAtEpochSeconds: number): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `INSERT INTO proof_of_work_spent (signature, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [signature, expiresAtEpochSeconds],
    );
    return affectedRows(result) > 0;
  }

  /** Deletes what expired before `now` (an expired challenge is refused anyway); how many went. */
  async purgeExpired(manager: EntityManager, now: Date): Promise<number> {
    const result: unknown = await manager.query(`DELETE FROM proof_of_work_spent WHERE expires_at < $1`, [now]);
    return affectedRows(result);
  }
}
