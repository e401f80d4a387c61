import { ConsoleLogger, LogLevel } from '@nestjs/common';

/** Nest's start-up chatter: useful when debugging the wiring, noise for an operator. */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

/**
 * The console logger with Nest's own start-up lines demoted to debug, so `npm start` shows
 * what an operator needs: where the data is, which queue runs, and the URL.
 */
export class KindredLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ logLevels: levels });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      super.debug(message, ...rest);
      return;
    }
    super.log(message, ...rest);
  }
}
