import { isUuid } from '../common/validation/uuid';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { Client } from 'pg';

/**
 * Announces "this moderation case changed" to every API instance, through the same backend
 * the queue runs on: Redis pub/sub when REDIS_URL is set, otherwise Postgres LISTEN/NOTIFY
 * on the application database. Only the case id travels; each subscriber loads the case
 * itself, so nothing a moderator should not see is ever put on the wire.
 */
export interface CaseChangeBus {
  readonly kind: 'redis' | 'postgres';
  publish(caseId: string): Promise<void>;
  /** Starts listening (once per process) and calls `listener` for every case id; returns the unsubscribe. */
  subscribe(listener: (caseId: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

export const POSTGRES_CASE_CHANNEL = 'kindred_moderation_case_changed';

export function redisCaseChannel(prefix: string): string {
  return `${prefix}:moderation-case-changed`;
}

/** One upstream listener per process, fanned out to local listeners. */
abstract class FanOutBus implements CaseChangeBus {
  abstract readonly kind: 'redis' | 'postgres';
  protected readonly logger = new Logger('CaseChangeBus');
  private readonly listeners = new Set<(caseId: string) => void>();
  private listening: Promise<void> | null = null;
  protected closed = false;

  abstract publish(caseId: string): Promise<void>;
  protected abstract listen(): Promise<void>;
  abstract close(): Promise<void>;

  protected deliver(message: string): void {
    if (!isUuid(message)) return;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.logger.warn(`case listener failed: ${(error as Error).message}`);
      }
    }
  }

  async subscribe(listener: (caseId: string) => void): Promise<() => void> {
    this.listeners.add(listener);
    try {
      this.listening ??= this.listen().catch((error: Error) => {
        this.listening = null;
        throw error;
      });
      await this.listening;
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
    };
  }
}

export class RedisCaseChangeBus extends FanOutBus {
  readonly kind = 'redis' as const;
  private publisher: IORedis | null = null;
  private subscriber: IORedis | null = null;
  private readonly channel: string;

  constructor(
    private readonly redisUrl: string,
    prefix: string,
  ) {
    super();
    this.channel = redisCaseChannel(prefix);
  }

  private connect(options: { commandTimeout?: number } = {}): IORedis {
    const connection = new IORedis(this.redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: true, ...options });
    connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    return connection;
  }

  async publish(caseId: string): Promise<void> {
    if (this.closed) return;
    // A Redis outage must not hold up the caller (a screening job, a moderator's mutation)
    // for long: the case is committed and the queue query shows it anyway.
    this.publisher ??= this.connect({ commandTimeout: 2000 });
    await this.publisher.publish(this.channel, caseId);
  }

  protected async listen(): Promise<void> {
    // A subscribed Redis connection can do nothing else: it gets its own. ioredis
    // reconnects and resubscribes by itself.
    const subscriber = this.connect();
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.deliver(message);
    });
    await subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [this.publisher, this.subscriber]
        .filter((c): c is IORedis => c !== null)
        .map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
    this.publisher = null;
    this.subscriber = null;
  }
}

/**
 * Postgres LISTEN/NOTIFY: a dedicated client listens (a pooled connection would drop the
 * LISTEN when returned to the pool); publishing is a pg_notify through the app's pool.
 * The listener reconnects with a backoff when its connection breaks.
 */
export class PostgresCaseChangeBus extends FanOutBus {
  readonly kind = 'postgres' as const;
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = 500;

  constructor(
    private readonly databaseUrl: string,
    private readonly notify: (channel: string, payload: string) => Promise<unknown>,
  ) {
    super();
  }

  async publish(caseId: string): Promise<void> {
    if (this.closed) return;
    await this.notify(POSTGRES_CASE_CHANNEL, caseId);
  }

  protected async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'kindred-case-listener' });
    client.on('notification', (message) => {
      if (message.channel === POSTGRES_CASE_CHANNEL && message.payload) this.deliver(message.payload);
    });
    client.on('error', (error) => {
      this.logger.warn(`case listener connection: ${error.message}`);
      this.dropAndReconnect(client);
    });
    client.on('end', () => this.dropAndReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${POSTGRES_CASE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.reconnectDelayMs = 500;
  }

  private dropAndReconnect(broken: Client): void {
    if (this.client !== broken) return;
    this.client = null;
    broken.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, 30_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed) return;
      this.listen().catch((error: Error) => {
        this.logger.warn(`case listener reconnect failed: ${error.message}`);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
