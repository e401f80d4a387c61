import * as fs from 'node:fs';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { closeOnSignals, startKindred } from './bootstrap';
import { loadConfig } from './config/config';

/** Screening workers alone, to scale out beside the API (same DATABASE_URL / REDIS_URL). */
async function main(): Promise<void> {
  const logger = new Logger('Kindred');
  const config = loadConfig();
  const running = await startKindred(config, { api: false, workers: true });
  closeOnSignals(running);
  logger.log('screening workers running; Ctrl-C to stop');

  // A worker has no port to probe: where asked, it touches a file while it can reach the
  // database, and a container healthcheck reads the file's age.
  const heartbeatFile = config.workerHeartbeatFile;
  if (heartbeatFile) {
    const dataSource = running.app.get(DataSource);
    const beat = () =>
      dataSource.query('SELECT 1').then(
        () => fs.writeFileSync(heartbeatFile, new Date().toISOString()),
        (error: Error) => logger.warn(`heartbeat: database unreachable (${error.message})`),
      );
    void beat();
    setInterval(() => void beat(), 10_000).unref();
  }
}

main().catch((error: Error) => {
  new Logger('Kindred').error(`could not start workers: ${error.message}`, error.stack);
  process.exit(1);
});
