import { Logger } from '@nestjs/common';
import { createPostgresBackend, Job, Queue, QueueOptions, Worker, WorkerOptions, withBackend } from 'bullmq';
import IORedis from 'ioredis';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * The queue connection: BullMQ on Redis when REDIS_URL is set, otherwise BullMQ's own
 * PostgreSQL backend on the application database, so one command runs everything.
 */
export interface QueueConnection {
  kind: QueueBackendKind;
  createQueue<T>(name: string): Queue<T>;
  createWorker<T>(
    name: string,
    processor: (job: Job<T>) => Promise<unknown>,
    options: Pick<WorkerOptions, 'concurrency' | 'lockDuration'>,
  ): Worker<T>;
  close(): Promise<void>;
}

const logger = new Logger('QueueConnection');

/** BullMQ keeps its Postgres tables in their own schema, apart from the app's tables. */
const POSTGRES_QUEUE_SCHEMA = 'bullmq';

export function createQueueConnection(options: { redisUrl: string | null; databaseUrl: string; prefix: string }): QueueConnection {
  if (options.redisUrl) {
    const redisUrl = options.redisUrl;
    const connections: IORedis[] = [];
    const connect = (role: 'producer' | 'worker') => {
      // BullMQ workers need maxRetriesPerRequest: null on their blocking connection. A
      // producer must fail fast instead: while Redis is down, ioredis would otherwise hold
      // every add() until it returns, and each post's mutation would hang with it. The
      // committed PENDING post is the promise; the sweeper enqueues it once Redis is back.
      const retry = role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false };
      const connection = new IORedis(redisUrl, { ...retry, enableReadyCheck: true });
      connection.on('error', (error) => logger.warn(`redis: ${error.message}`));
      connections.push(connection);
      return connection;
    };
    return {
      kind: 'redis',
      createQueue: <T>(name: string) => new Queue<T>(name, { connection: connect('producer'), prefix: options.prefix } as QueueOptions),
      createWorker: <T>(
        name: string,
        processor: (job: Job<T>) => Promise<unknown>,
        workerOptions: Pick<WorkerOptions, 'concurrency' | 'lockDuration'>,
      ) => new Worker<T>(name, processor, { connection: connect('worker'), prefix: options.prefix, ...workerOptions } as WorkerOptions),
      close: async () => {
        await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
      },
    };
  }

  const postgres = withBackend(createPostgresBackend);
  // The schema is migrated before the app starts, by its owner (prepareQueueSchema): the
  // app's role may not create anything, so here BullMQ only checks the schema's version.
  const connection = { connectionString: options.databaseUrl, schema: POSTGRES_QUEUE_SCHEMA, migrate: false, max: 5 };
  return {
    kind: 'postgres',
    createQueue: <T>(name: string) => new postgres.Queue<T>(name, { connection }) as unknown as Queue<T>,
    createWorker: <T>(
      name: string,
      processor: (job: Job<T>) => Promise<unknown>,
      workerOptions: Pick<WorkerOptions, 'concurrency' | 'lockDuration'>,
    ) => new postgres.Worker<T>(name, processor as never, { connection, ...workerOptions }) as unknown as Worker<T>,
    close: async () => undefined,
  };
}
