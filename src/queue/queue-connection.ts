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

/** BullMQ's own default: an idle worker looks again after 5 s when nothing woke it. */
const DEFAULT_DRAIN_DELAY_SECONDS = 5;

export interface QueueConnectionOptions {
  redisUrl: string | null;
  databaseUrl: string;
  prefix: string;
  /** Postgres backend: whether the queue's own writes wait for their WAL flush (QUEUE_SYNCHRONOUS_COMMIT; default off). */
  synchronousCommit?: boolean;
  /** How long an idle worker blocks before it looks again, when nothing woke it (QUEUE_DRAIN_DELAY_SECONDS; default 5). */
  drainDelaySeconds?: number;
}

export function createQueueConnection(options: QueueConnectionOptions): QueueConnection {
  const drainDelay = options.drainDelaySeconds ?? DEFAULT_DRAIN_DELAY_SECONDS;
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
      ) =>
        new Worker<T>(name, processor, {
          connection: connect('worker'),
          prefix: options.prefix,
          drainDelay,
          ...workerOptions,
        } as WorkerOptions),
      close: async () => {
        await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
      },
    };
  }

  const postgres = withBackend(createPostgresBackend);
  // The schema is migrated before the app starts, by its owner (prepareQueueSchema): the
  // app's role may not create anything, so here BullMQ only checks the schema's version.
  //
  // Every add, claim and completion is a commit of its own, and each waited for its WAL
  // flush: three more fsyncs per post beside the app's two, which on a small host queued
  // posts behind the disk (issue 8). Without the wait, durability still holds where it
  // matters: the committed PENDING post is the promise (a job lost in a database crash is
  // enqueued again by the sweeper; a lost claim or completion only runs a job again, which
  // the revision check makes a no-op), and a synchronous commit flushes the WAL up to
  // itself, so the app's next commit (the decision, an alert's schedule) makes every queue
  // write before it durable as well.
  const connection = {
    connectionString: options.databaseUrl,
    schema: POSTGRES_QUEUE_SCHEMA,
    migrate: false,
    max: 5,
    ...(options.synchronousCommit ? {} : { options: '-c synchronous_commit=off' }),
  };
  return {
    kind: 'postgres',
    createQueue: <T>(name: string) => new postgres.Queue<T>(name, { connection }) as unknown as Queue<T>,
    createWorker: <T>(
      name: string,
      processor: (job: Job<T>) => Promise<unknown>,
      workerOptions: Pick<WorkerOptions, 'concurrency' | 'lockDuration'>,
    ) => new postgres.Worker<T>(name, processor as never, { connection, drainDelay, ...workerOptions }) as unknown as Worker<T>,
    close: async () => undefined,
  };
}
