import 'reflect-metadata';
import { INestApplication, INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, AppOptions } from './app.module';
import { KindredConfig, LOG_LEVELS } from './config/config';
import { KindredLogger } from './common/kindred-logger';
import { genReqId } from './http/request-id';
import { instrumentRequests } from './http/request-instrumentation';
import { serveAnonymousAnswers } from './graphql/response-cache/anonymous-answer-front';
import { PublicContentVersion } from './graphql/response-cache/public-content-version';
import { applySecurityHeaders } from './http/security-headers';
import { serveWebClient } from './http/web-client';
import { Metrics } from './metrics/metrics';
import type { DatabaseHandle } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';

export interface RunningKindred {
  app: INestApplication | INestApplicationContext;
  config: KindredConfig;
  /** The GraphQL URL when the API is served. */
  url: string | null;
  /** The web client's URL when it is built and served. */
  webUrl: string | null;
  close(): Promise<void>;
}

/**
 * Starts Kindred: the API (with in-process workers unless WORKERS=off) or workers alone.
 * The caller owns the returned handle; close() drains workers, then stops the embedded database.
 */
export async function startKindred(baseConfig: KindredConfig, options: AppOptions): Promise<RunningKindred> {
  const logger = new KindredLogger(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(baseConfig.logLevel) + 1), {
    json: baseConfig.logFormat === 'json',
  });
  Logger.overrideLogger(logger);
  const { config, database } = await prepareDatabase(baseConfig);
  const module = AppModule.forRoot(config, options);
  try {
    if (!options.api) {
      const app = await NestFactory.createApplicationContext(module, { logger });
      await app.init();
      return { app, config, url: null, webUrl: null, close: closer(app, database) };
    }
    const app = await NestFactory.create<NestFastifyApplication>(
      module,
      new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.accountAbuse.trustProxy, genReqId }),
      { logger },
    );
    // Registered before init, so the hooks cover every route (GraphQL's is added during init).
    instrumentRequests(app.getHttpAdapter().getInstance(), app.get(Metrics));
    serveAnonymousAnswers(app.getHttpAdapter().getInstance(), app.get(PublicContentVersion), config.responseCache);
    applySecurityHeaders(app.getHttpAdapter().getInstance(), config.transport);
    const webClient = config.webClientDir ? await serveWebClient(app, config.webClientDir) : false;
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const base = `http://${shownHost}:${port}`;
    return { app, config, url: `${base}/graphql`, webUrl: webClient ? `${base}/` : null, close: closer(app, database) };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

function closer(app: INestApplicationContext, database: DatabaseHandle): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      await app.close();
      await database.stop();
    })();
    return closing;
  };
}

/** Ctrl-C and SIGTERM: stop taking work, let jobs in hand finish, stop the database. */
export function closeOnSignals(running: RunningKindred, logger = new Logger('Kindred')): void {
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      logger.log(`${signal}: shutting down`);
      running.close().then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
    });
  }
}
