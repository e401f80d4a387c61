import { Logger } from '@nestjs/common';
import { closeOnSignals, startKindred } from './bootstrap';
import { loadConfig } from './config/config';

/** Screening workers alone, to scale out beside the API (same DATABASE_URL / REDIS_URL). */
async function main(): Promise<void> {
  const running = await startKindred(loadConfig(), { api: false, workers: true });
  closeOnSignals(running);
  new Logger('Kindred').log('screening workers running; Ctrl-C to stop');
}

main().catch((error: Error) => {
  new Logger('Kindred').error(`could not start workers: ${error.message}`, error.stack);
  process.exit(1);
});
