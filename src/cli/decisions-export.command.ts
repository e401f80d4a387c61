import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { prepareDatabase } from '../database/prepare-database';
import { corpusLine, loadDecisionExamples } from '../moderation/decision-examples.export';
import type { ExampleSource } from '../screening/training/example-source';

export const DECISIONS_EXPORT_USAGE = `npm run --silent cli -- screening:decisions FILE
  Writes the moderators' decisions kept as screening examples to FILE as labeled JSONL
  ({"id","text","outcome","categories"}, like the corpora), for posts that still have the
  words the moderator read. FILE holds members' posts: keep it private, delete it after use.
`;

/** Writes the exportable examples to `file` as corpus JSONL (owner-only), and returns how many. */
export async function writeDecisionExamples(dataSource: DataSource, file: string): Promise<number> {
  const examples = await loadDecisionExamples(dataSource);
  const lines = examples.map((example) => `${JSON.stringify(corpusLine(example))}\n`);
  // The file holds members' words: readable by its owner only.
  await writeFile(file, lines.join(''), { mode: 0o600 });
  return examples.length;
}

/** Runs `work` on the same database as `npm start` (DATA_DIR or DATABASE_URL), then closes it. */
async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const { config, database } = await prepareDatabase(loadConfig());
  try {
    const dataSource = new DataSource(dataSourceOptions(config.databaseUrl as string, { extra: { max: 1 } }));
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

/** `screening:decisions FILE`. */
export async function exportDecisions(file: string | undefined): Promise<number> {
  if (!file || file === '--help') {
    process.stderr.write(DECISIONS_EXPORT_USAGE);
    return file ? 0 : 2;
  }
  const count = await withDatabase((dataSource) => writeDecisionExamples(dataSource, file));
  process.stdout.write(`wrote ${count} decision example(s) to ${file}\n`);
  return 0;
}

/** The deployment's moderator decisions, for `train --include-decisions`. */
export const decisionExampleSource: ExampleSource = {
  name: 'moderator decisions',
  load: () =>
    withDatabase(async (dataSource) => (await loadDecisionExamples(dataSource)).map(({ text, categories }) => ({ text, categories }))),
};
