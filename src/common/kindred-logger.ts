import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

/** Nest's start-up chatter: useful when debugging the wiring, noise for an operator. */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

export interface KindredLoggerOptions {
  /** One JSON object a line (LOG_FORMAT=json) instead of Nest's coloured text. */
  json?: boolean;
}

/**
 * The console logger with Nest's own start-up lines demoted to debug, so `npm start` shows
 * what an operator needs: where the data is, which queue runs, and the URL. In JSON mode
 * each line also names the request it was written for, if any.
 */
export class KindredLogger extends ConsoleLogger {
  constructor(levels: LogLevel[], options: KindredLoggerOptions = {}) {
    super({ logLevels: levels, json: options.json ?? false });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      super.debug(message, ...rest);
      return;
    }
    super.log(message, ...rest);
  }

  protected override getJsonLogObject(
    message: unknown,
    options: Parameters<ConsoleLogger['getJsonLogObject']>[1],
  ): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const object = super.getJsonLogObject(message, options);
    const requestId = currentRequestId();
    if (requestId !== undefined) object.requestId = requestId;
    return object;
  }
}
