import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, Options, verify } from '@node-rs/argon2';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { AccountsError } from './accounts.errors';

/** Longer than any passphrase a person types; stops a megabyte "passphrase" from tying up a CPU. */
export const PASSPHRASE_MAX_LENGTH = 1024;

/**
 * argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane). The parameters are
 * stored in each hash, so raising them later only affects new hashes.
 * `Algorithm` is a const enum that the native module does not export at run time, so the
 * value is written out here.
 */
const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Algorithm.Argon2id
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashing and checking passphrases. Never logs or returns a passphrase. */
@Injectable()
export class PassphraseService {
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  get minLength(): number {
    return Math.max(12, this.config.passphraseMinLength);
  }

  /** Throws BAD_USER_INPUT when the passphrase is too short (spaces aside) or absurdly long. */
  assertAcceptable(passphrase: string): void {
    const length = [...normalize(passphrase)].length;
    // Spaces between words are welcome, but twelve spaces are not a passphrase.
    const visible = [...normalize(passphrase).replace(/\s+/gu, '')].length;
    if (length < this.minLength || visible < Math.ceil(this.minLength / 2)) {
      throw new AccountsError(
        'PASSPHRASE_TOO_SHORT',
        `Your passphrase needs at least ${this.minLength} characters. A few ordinary words strung together work well.`,
      );
    }
    if (length > PASSPHRASE_MAX_LENGTH) {
      throw new AccountsError('PASSPHRASE_TOO_LONG', `Your passphrase can be at most ${PASSPHRASE_MAX_LENGTH} characters.`);
    }
  }

  hash(passphrase: string): Promise<string> {
    return hash(normalize(passphrase), ARGON2_OPTIONS);
  }

  /** False for a wrong passphrase and for a malformed stored hash alike. */
  async verify(passphraseHash: string, passphrase: string): Promise<boolean> {
    if (passphrase.length > PASSPHRASE_MAX_LENGTH * 4) return this.verifyDummy(passphrase.slice(0, PASSPHRASE_MAX_LENGTH));
    try {
      return await verify(passphraseHash, normalize(passphrase));
    } catch {
      return false;
    }
  }

  /**
   * Spends the same work as a real check and always fails: used when the account does not
   * exist, so that a wrong pseudonym takes as long to refuse as a wrong passphrase.
   */
  async verifyDummy(passphrase: string): Promise<false> {
    this.dummyHash ??= hash('kindred dummy passphrase, never matches', ARGON2_OPTIONS);
    try {
      await verify(await this.dummyHash, normalize(passphrase.slice(0, PASSPHRASE_MAX_LENGTH)));
    } catch {
      // the outcome does not matter, only the time spent
    }
    return false;
  }
}

/** One canonical form, so the same passphrase typed on two keyboards hashes the same. */
function normalize(passphrase: string): string {
  return passphrase.normalize('NFC');
}
