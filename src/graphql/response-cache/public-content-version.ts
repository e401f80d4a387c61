import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';

/** The channel the database's triggers notify on any change to public content (migration PublicContentChanged). */
export const PUBLIC_CONTENT_CHANNEL = 'kindred_public_content';

/** How long to wait before listening again after the connection was lost. */
const RELISTEN_MS = 1000;

/**
 * The version of the forum's public content, as this process knows it: anonymous answers are
 * cached under it, so a change makes every earlier answer unreachable at once.
 *
 * It moves when the database says anything public changed (triggers on post, thread,
 * reaction, space and account's public columns NOTIFY at commit, whichever process wrote:
 * a worker publishing, another API instance, a sweeper) and when this process answers a
 * mutation (so its own writes show to the next reader without waiting for the notification).
 * While the listening connection is down a change could go unseen, so there is no version
 * then, and the cache is bypassed until it listens again.
 */
@Injectable()
export class PublicContentVersion implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PublicContentVersion.name);
  private version = 0;
  private listening = false;
  private client: Client | null = null;
  private closed = false;
  private relisten: NodeJS.Timeout | null = null;

  constructor(@Inject(KINDRED_CONFIG) private readonly config: KindredConfig) {}

  /** The version to cache answers under now; null when changes might go unseen. */
  current(): number | null {
    return this.listening ? this.version : null;
  }

  /** Something public may have changed: every answer cached so far is out of date. */
  changed(): void {
    this.version += 1;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.responseCache.ttlSeconds > 0) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.relisten) clearTimeout(this.relisten);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    this.relisten = null;
    const client = new Client({
      connectionString: this.config.databaseUrl ?? undefined,
      application_name: 'kindred-content-listener',
      // A silently dropped connection would otherwise leave the cache trusting a dead listener.
      keepAlive: true,
    });
    this.client = client;
    client.on('notification', () => this.changed());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CONTENT_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    // Whatever changed while nobody listened is unknown: start from a new version.
    this.changed();
    this.listening = true;
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.changed();
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(
      `content change listener lost${error ? ` (${error.message})` : ''}; signed-out answers bypass the cache until it is back`,
    );
    this.relisten = setTimeout(() => void this.listen(), RELISTEN_MS);
    this.relisten.unref();
  }
}
