import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { InstallationSecretsService } from './installation-secrets.service';
import { encodeChallenge, parseSolvedPayload } from './proof-of-work-payload';
import { ProofOfWorkRepository } from './repositories/proof-of-work.repository';

const ALGORITHM = 'SHA-256';

export interface IssuedChallenge {
  /** JSON `{ parameters, signature }`, as ALTCHA's widget and solver take it. */
  challenge: string;
  algorithm: string;
  maxNumber: number;
  expiresAt: Date;
}

/**
 * Proof of work (ALTCHA, v2): the step-up asked of a client that went over a limit, in
 * place of a hard wall, so a real person is slowed a little and a flood is made costly,
 * and nothing about the person is needed. Challenges are signed (HMAC) and expire;
 * a solved one is spent on first use, across instances (the spent table).
 */
@Injectable()
export class ProofOfWorkService {
  constructor(
    private readonly spent: ProofOfWorkRepository,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
    private readonly secrets: InstallationSecretsService,
  ) {}

  private async keys(): Promise<{ hmacSignatureSecret: string; hmacKeySignatureSecret: string }> {
    const secret = this.config.accountAbuse.powHmacKey ?? (await this.secrets.get('proof-of-work'));
    return { hmacSignatureSecret: secret, hmacKeySignatureSecret: `${secret}:derived-key` };
  }

  async issue(now = new Date()): Promise<IssuedChallenge> {
    const { powMaxNumber, powChallengeTtlSeconds } = this.config.accountAbuse;
    const expiresAt = new Date(now.getTime() + powChallengeTtlSeconds * 1000);
    const challenge = await createChallenge({
      algorithm: ALGORITHM,
      cost: 1,
      counter: randomInt(powMaxNumber),
      deriveKey,
      expiresAt,
      ...(await this.keys()),
    });
    return {
      challenge: encodeChallenge(challenge),
      algorithm: ALGORITHM,
      maxNumber: powMaxNumber,
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    };
  }

  /** True when `payload` solves one of our unexpired challenges that was never used before; spends it. */
  async spend(payload: string | null | undefined): Promise<boolean> {
    if (!payload) return false;
    const solved = parseSolvedPayload(payload);
    if (!solved) return false;
    const result = await verifySolution({ challenge: solved.challenge, solution: solved.solution, deriveKey, ...(await this.keys()) });
    if (!result.verified || !solved.challenge.signature || !solved.challenge.parameters.expiresAt) return false;
    return this.spent.markSpent(solved.challenge.signature, solved.challenge.parameters.expiresAt);
  }
}
