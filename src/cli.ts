import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { isRole, ROLES } from './common/auth/role';
import { AccountsService } from './accounts/accounts.service';
import { runBackupCommand, runRestoreCommand } from './cli/backup.command';
import { runAlertTestCommand } from './cli/alert-test.command';
import { runSeedLoadCommand } from './cli/seed-load.command';
import { CliModule } from './cli/cli.module';
import { decisionExampleSource, exportDecisions } from './cli/decisions-export.command';
import { generateMigration } from './cli/generate-migration.command';
import { prepareDatabase } from './database/prepare-database';
import { loadConfig } from './config/config';
import { runEvalCommand } from './screening/cli/eval-command';
import { parseHeldOutArgs, runHeldOutCommand } from './screening/cli/held-out-command';
import { runScreenCommand } from './screening/cli/screen-command';
import { parseTrainArgs, runTrainCommand, TRAIN_USAGE } from './screening/cli/train-command';
import { loadRules } from './screening/engine/load-rules';
import { bundledModelPath, projectRoot } from './screening/model/load-model';
import { loadScreener } from './screening/screener';

const USAGE = `Kindred operator commands (npm run --silent cli -- <command>):
  grant-role <pseudonym> <ROLE>   set a member's role: ${ROLES.join(', ')}
  migrate                         apply migrations as DATABASE_OWNER_URL's role and grant DATABASE_URL's
                                  role what the app needs, then exit (a deploy step before the app starts)
  alert-test                      send a test alert to every ALERT_WEBHOOKS channel now and say how each went
  backup FILE                     write a consistent backup of the database (gzip, mode 0600) while the
                                  server runs; FILE holds members' posts: keep it private, encrypt it
  restore FILE                    load a backup into an empty target (a new DATA_DIR, or an empty
                                  DATABASE_URL database); refuses a target that holds data
  seed-load [--posts N] [--seed S] [--force]
                                  fill the database with generated members, threads, replies and reactions
                                  for load testing (npm run seed:load); refuses one with real members
  screen                          screen JSONL {"id","text"} lines from stdin, decisions as JSONL on stdout
  eval [file.jsonl]               precision and recall of screening on a labeled JSONL file
                                  (default: the dev corpus, test/fixtures/screening-dev.jsonl)
  eval --corpus evaluation|training [--misses CATEGORY]
                                  the held-out report on one side of corpus/split.json: rules alone and
                                  with the model, per category and cue family (misses: training only)
  ${TRAIN_USAGE}
                                  train the screening model on corpus/ (and the labeled fixtures), print
                                  its figures, write models/screening-model.json (npm run train:screening)
  screening:decisions FILE        write the moderators' decisions kept as screening examples to FILE as
                                  labeled JSONL (members' words: keep FILE private, delete it after use)
  migration:generate migrations/<Name>
                                  write the migration that makes the migrated schema match the entities
                                  (npm run migration:generate -- migrations/<Name>)
`;

const DEV_CORPUS = 'test/fixtures/screening-dev.jsonl';

/** The rules and the model as the app would screen with them (SCREENING_RULES_DIR, SCREENING_MODEL). */
function appScreener(): ReturnType<typeof loadScreener> {
  const { screening } = loadConfig();
  return loadScreener(screening.rulesDir, screening.model);
}

function evalCorpus(args: string[]): number {
  const parsed = parseHeldOutArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  const { screening } = loadConfig();
  const screeners = { rules: loadScreener(screening.rulesDir, { kind: 'off' }), withModel: appScreener() };
  return runHeldOutCommand(parsed, `${projectRoot()}/corpus`, screeners, process.stdout);
}

async function train(args: string[]): Promise<number> {
  const root = projectRoot();
  const parsed = parseTrainArgs(args, { corpusDir: `${root}/corpus`, out: bundledModelPath() });
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  const env = {
    rules: loadRules(loadConfig().screening.rulesDir ?? undefined),
    fixturesDir: `${root}/test/fixtures`,
    now: () => new Date(),
  };
  return runTrainCommand(parsed, { ...env, decisions: parsed.includeDecisions ? decisionExampleSource : null }, process.stdout);
}

/** grant-role uses the same DATA_DIR / DATABASE_URL as `npm start`, and works while the server runs. */
async function grantRole(pseudonym: string | undefined, role: string | undefined): Promise<number> {
  if (!pseudonym || !role) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!isRole(role)) {
    process.stderr.write(`"${role}" is not a role. Roles: ${ROLES.join(', ')}\n`);
    return 2;
  }
  const { config, database } = await prepareDatabase(loadConfig());
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  try {
    const account = await app.get(AccountsService).grantRole(pseudonym, role, null);
    process.stdout.write(`${account.pseudonym} is now ${role}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await app.close();
    await database.stop();
  }
}

/** The deploy step: the owner migrates and grants, so the app's own role never needs to. */
async function migrate(): Promise<number> {
  const { database } = await prepareDatabase(loadConfig());
  await database.stop();
  process.stdout.write(
    database.ownerUrl ? 'migrations applied; the app role has its grants\n' : 'migrations applied (no DATABASE_OWNER_URL: no grants)\n',
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'grant-role':
      return grantRole(args[0], args[1]);
    case 'migrate':
      return migrate();
    case 'alert-test':
      return runAlertTestCommand(loadConfig(), process.stdout);
    case 'backup':
      return runBackupCommand(args);
    case 'restore':
      return runRestoreCommand(args);
    case 'migration:generate':
      return generateMigration(args[0]);
    case 'screening:decisions':
      return exportDecisions(args[0]);
    case 'seed-load':
      return runSeedLoadCommand(args);
    case 'screen':
      return runScreenCommand(process.stdin, process.stdout, appScreener());
    case 'eval':
      return args[0] === '--corpus' ? evalCorpus(args.slice(1)) : runEvalCommand(args[0] ?? DEV_CORPUS, process.stdout, appScreener());
    case 'train':
      return train(args);
    default:
      process.stderr.write(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  },
);
