import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { InstallationSecretsService } from './installation-secrets.service';
import { pseudonymKey } from './pseudonym-generator';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository';
import { FORGET_FAILURES_AFTER_MS } from './sign-in-backoff';

/** What a reservation answers: go ahead (the attempt is counted), or wait until `blockedUntil`. */
export type Reservation = { allowed: true } | { allowed: false; blockedUntil: Date };

/**
 * Backoff per pseudonym, kept whether or not the pseudonym exists. Guards sign-in and the
 * passphrase check of deleteAccount. An attempt is reserved (counted as a failure) before
 * its passphrase is checked, by one atomic upsert that also says whether it may proceed,
 * so parallel guesses cannot all slip past the count; a success clears the row.
 * Rows are keyed by a keyed HMAC of the normalised pseudonym, never by what was typed.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly repository: SignInThrottleRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly secrets: InstallationSecretsService,
  ) {}

  /** The row key of a pseudonym: HMAC-SHA-256 of its normalised form. */
  async keyFor(pseudonym: string): Promise<string> {
    const secret = this.config.accountAbuse.throttleKey ?? (await this.secrets.get('sign-in-throttle'));
    return createHmac('sha256', secret).update(pseudonymKey(pseudonym)).digest('hex');
  }

  /**
   * Counts one attempt on `key` unless it is blocked. `bypassBlock` (a solved proof of
   * work) lets the attempt through a block; it is counted all the same.
   */
  async reserve(key: string, bypassBlock = false, now = new Date()): Promise<Reservation> {
    const { freeFailures, baseDelaySeconds, maxDelaySeconds } = this.config.signIn;
    const forgetBefore = new Date(now.getTime() - FORGET_FAILURES_AFTER_MS);
    const outcome = await this.repository.reserve({ key, now, forgetBefore, freeFailures, baseDelaySeconds, maxDelaySeconds, bypassBlock });
    if (!outcome || outcome.allowed) return { allowed: true };
    return { allowed: false, blockedUntil: outcome.blockedUntil ?? now };
  }

  /** A success clears the key (so does deleting the account, in its transaction). */
  reset(key: string, manager?: EntityManager): Promise<void> {
    return this.repository.delete(key, manager);
  }
}
