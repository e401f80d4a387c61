import { Logger } from '@nestjs/common';
import { closeOnSignals, startKindred } from './bootstrap';
import { loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startKindred(config, { api: true, workers: config.workersInProcess });
  closeOnSignals(running);
  const workers = config.workersInProcess
    ? 'screening workers running in this process'
    : 'no workers here (WORKERS=off): run `npm run worker`';
  // The one line a newcomer looks for.
  const where = running.webUrl
    ? `${running.webUrl}  (open it in a browser; API: ${running.url})`
    : `${running.url}  (API only: the web client is not built)`;
  process.stdout.write(`\nKindred is ready: ${where}\n  ${workers}; data in ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}\n\n`);
}

main().catch((error: Error) => {
  new Logger('Kindred').error(`could not start: ${error.message}`, error.stack);
  process.exit(1);
});
