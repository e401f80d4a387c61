import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InstallationSecretsRepository } from './repositories/installation-secrets.repository';

/**
 * Per-installation random secrets, for keys the operator did not configure. Kept in the
 * database so that every API instance shares them (a key per process would make one
 * instance's HMACs and signatures meaningless to the next). Never a constant in the code:
 * a constant would let anyone with the source recompute the HMACs.
 */
@Injectable()
export class InstallationSecretsService {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly repository: InstallationSecretsRepository) {}

  /** The secret called `name`, made on first use; concurrent first uses across instances agree on one. */
  get(name: string): Promise<string> {
    let secret = this.cache.get(name);
    if (!secret) {
      secret = this.load(name);
      secret.catch(() => this.cache.delete(name));
      this.cache.set(name, secret);
    }
    return secret;
  }

  private async load(name: string): Promise<string> {
    await this.repository.insertIfAbsent(name, randomBytes(32).toString('base64url'));
    const secret = await this.repository.find(name);
    if (secret === null) throw new Error(`installation secret ${name} could not be made`);
    return secret;
  }
}
