import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { formatRecoveryCode, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_CHARS } from './recovery-code-format';
import { RecoveryCodesRepository } from './repositories/recovery-codes.repository';

/** One-time recovery codes: shown once at registration (and after each recovery), stored hashed. */
@Injectable()
export class RecoveryCodesService {
  constructor(
    private readonly repository: RecoveryCodesRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** A fresh set for `accountId`; any unused codes from before stop working. Returns the plain codes. */
  async issue(manager: EntityManager, accountId: string): Promise<string[]> {
    const codes = new Set<string>();
    while (codes.size < this.config.recoveryCodeCount) codes.add(formatRecoveryCode(randomBytes(RECOVERY_CODE_CHARS)));
    const plain = [...codes];
    await this.repository.replaceUnused(
      manager,
      accountId,
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a code just formatted always normalizes
      plain.map((code) => hashRecoveryCode(accountId, normalizeRecoveryCode(code)!)),
    );
    return plain;
  }

  /** Spends `typed` if it is an unused code of the account; true when it was. Safe against two concurrent uses. */
  async consume(manager: EntityManager, accountId: string, typed: string): Promise<boolean> {
    const canonical = normalizeRecoveryCode(typed);
    if (canonical === null) return false;
    return this.repository.markUsed(manager, accountId, hashRecoveryCode(accountId, canonical));
  }
}
