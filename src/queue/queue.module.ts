import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { createQueueConnection, QueueConnection } from './queue-connection';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

@Global()
@Module({
  providers: [
    {
      provide: QUEUE_CONNECTION,
      inject: [KINDRED_CONFIG],
      useFactory: (config: KindredConfig): QueueConnection =>
        createQueueConnection({
          redisUrl: config.redisUrl,
          databaseUrl: config.databaseUrl as string,
          prefix: config.queuePrefix,
          synchronousCommit: config.queue.synchronousCommit,
          drainDelaySeconds: config.queue.drainDelaySeconds,
        }),
    },
  ],
  exports: [QUEUE_CONNECTION],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection) {}

  static forRoot(): DynamicModule {
    return { module: QueueModule };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
