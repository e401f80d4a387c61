import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { prepareDatabase } from '../database/prepare-database';
import { SeedRefusedError, seedForum } from './seed/seed-writer';

export const SEED_LOAD_USAGE = `npm run seed:load [-- --posts N] [--seed S] [--force]
  Fills the database \`npm start\` uses (DATA_DIR, or DATABASE_URL and DATABASE_OWNER_URL) with
  generated forum data for load testing: members, threads and replies over two years, reactions,
  every post PUBLISHED as screening leaves it. Made-up text; generated members cannot sign in.
  --posts N   posts to write (default SEED_POSTS, else 1000000)
  --seed S    the random seed (default SEED_RANDOM, else 1): the same seed makes the same forum
  --force     write even into a database that holds real members' accounts (refused otherwise)
`;

const DEFAULT_POSTS = 1_000_000;

export interface SeedArgs {
  posts: number;
  seed: number;
  force: boolean;
}

function positiveInteger(name: string, raw: string | undefined): number | string {
  const digits = raw?.replace(/_/g, '');
  const value = digits !== undefined && /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : `${name} must be a positive whole number, not "${raw ?? ''}"`;
}

/** The options, or a message saying what is wrong with them ('help' for --help). */
export function parseSeedArgs(args: readonly string[], env: Record<string, string | undefined>): SeedArgs | string {
  let posts: number | string = env.SEED_POSTS ? positiveInteger('SEED_POSTS', env.SEED_POSTS) : DEFAULT_POSTS;
  let seed: number | string = env.SEED_RANDOM ? positiveInteger('SEED_RANDOM', env.SEED_RANDOM) : 1;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--force') force = true;
    else if (flag === '--posts') posts = positiveInteger('--posts', inline ?? args[++i]);
    else if (flag === '--seed') seed = positiveInteger('--seed', inline ?? args[++i]);
    else return `unknown option "${args[i]}"`;
  }
  if (typeof posts === 'string') return posts;
  if (typeof seed === 'string') return seed;
  return { posts, seed, force };
}

/** `seed-load`: prepares the database as `npm start` does (migrations included), then seeds it as the schema's owner. */
export async function runSeedLoadCommand(args: readonly string[]): Promise<number> {
  const parsed = parseSeedArgs(args, process.env);
  if (parsed === 'help') {
    process.stdout.write(SEED_LOAD_USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${SEED_LOAD_USAGE}`);
    return 2;
  }
  const { database } = await prepareDatabase(loadConfig());
  const client = new Client({ connectionString: database.ownerUrl ?? database.url });
  try {
    await client.connect();
    process.stdout.write(`seeding ${parsed.posts} posts (seed ${parsed.seed})\n`);
    const summary = await seedForum(client, { ...parsed, progress: (line) => process.stdout.write(`  ${line}\n`) });
    process.stdout.write(
      `seeded ${summary.members} members, ${summary.threads} threads, ${summary.posts} posts and ${summary.reactions} reactions ` +
        `in ${summary.seconds.toFixed(1)} s` +
        (summary.longThreadId ? `; the thread with 500 replies: ${summary.longThreadId}` : '') +
        '\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      process.stderr.write(`seed-load refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await database.stop();
  }
}
