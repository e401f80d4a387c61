/** `npm run bench`: every benchmark, figures only (no assertions). Run from the project root. */
import { benchDraftHealth } from './draft-health.bench';
import { benchLiveQueue } from './live-queue.bench';
import { benchRulesAndModel, benchScreening } from './screening.bench';

async function main(): Promise<void> {
  console.log('== screening engine ==');
  benchScreening();
  console.log('\n== screening: rules and model, per post ==');
  benchRulesAndModel();
  console.log('\n== live moderation queue ==');
  await benchLiveQueue();
  console.log('\n== API latency while drafts are screened ==');
  await benchDraftHealth();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
