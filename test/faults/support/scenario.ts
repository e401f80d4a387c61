import * as path from 'node:path';
import { BurstResult, CONTRACT_CODES, firstSpaceId, post, registerMembers, runBurst, Submission } from './burst';
import { auditLedger, readPosts, waitForDrain } from './ledger';
import { freePort } from '../../../src/common/net/free-port';
import { KindredProcess, PostgresCluster, RedisProcess } from './processes';

export type Backend = 'postgres' | 'redis';

/** One deployment per scenario and backend: its own database (and Redis), APIs and workers. */
export class Deployment {
  readonly apis: KindredProcess[] = [];
  readonly workers: KindredProcess[] = [];
  redis: RedisProcess | null = null;
  databaseUrl = '';

  constructor(
    readonly postgres: PostgresCluster,
    readonly backend: Backend,
    private readonly name: string,
  ) {}

  async start(topology: { apis: number; workers: number }): Promise<void> {
    this.databaseUrl = await this.postgres.createDatabase(this.name);
    if (this.backend === 'redis') {
      this.redis = new RedisProcess(await freePort());
      await this.redis.start();
    }
    // As in production: the owner migrates and grants, the processes run as the restricted role.
    const env = {
      DATABASE_OWNER_URL: this.databaseUrl,
      DATABASE_URL: this.postgres.appUrlFor(this.name),
      REDIS_URL: this.redis?.url ?? '',
    };
    for (let i = 0; i < topology.apis; i += 1) {
      this.apis.push(new KindredProcess(`api-${i + 1}`, 'api', await freePort(), this.heartbeat(`api-${i + 1}`), env));
    }
    for (let i = 0; i < topology.workers; i += 1) {
      this.workers.push(new KindredProcess(`worker-${i + 1}`, 'worker', await freePort(), this.heartbeat(`worker-${i + 1}`), env));
    }
    // The first API applies the migrations; the others start together.
    await this.apis[0].start();
    await Promise.all([...this.apis.slice(1), ...this.workers].map((process) => process.start()));
  }

  private heartbeat(name: string): string {
    return path.join(this.postgres.dataDir, `${this.name}-${name}.heartbeat`);
  }

  output(): string {
    return [...this.apis, ...this.workers, ...(this.redis ? [this.redis] : [])].map((process) => process.output()).join('\n');
  }

  /** Stops everything this deployment started, whatever state it is in. */
  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.signal('SIGTERM', 20_000)));
    await this.redis?.stop();
  }
}

export interface ScenarioOptions {
  label: string;
  deployment: Deployment;
  fault: (deployment: Deployment) => Promise<void>;
  /** Whether posts sent during the fault may be refused (a clear error) or find no API at all. */
  during: { mayBeRefused: boolean; mayBeUnreachable: boolean; mustBeAccepted?: boolean; refusalsSayRetry?: boolean };
  total?: number;
}

export interface ScenarioReport {
  submissions: Submission[];
  problems: string[];
  faultError: unknown;
  counts: Record<string, number>;
  refusalCodes: string[];
}

const SEED_THREAD = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const THREAD_STATUS = `query($id: ID!) { thread(id: $id) { status } }`;

/** Registers members, seeds a thread for replies, runs the burst with the fault, drains and audits. */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const { deployment } = options;
  const urls = deployment.apis.map((api) => api.url);
  const tokens = await registerMembers(urls[0], 4);
  const spaceId = await firstSpaceId(urls[0]);
  const seeded = await post<{ startThread: { id: string } }>(
    urls[0],
    SEED_THREAD,
    { input: { spaceId, title: 'Replies go here', body: 'A calm place for the replies of this burst.' } },
    tokens[0],
  );
  const threadId = seeded.body?.data?.startThread.id;
  if (!threadId) throw new Error(`seed thread refused: ${JSON.stringify(seeded.body ?? seeded.outcome)}`);
  const seedDeadline = Date.now() + 60_000;
  for (;;) {
    const status = (await post<{ thread: { status: string } | null }>(urls[0], THREAD_STATUS, { id: threadId }, tokens[0])).body?.data
      ?.thread?.status;
    if (status === 'PUBLISHED') break;
    if (Date.now() > seedDeadline) throw new Error(`seed thread not published (status ${status})\n${deployment.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // FAULT_BURST_SIZE shortens a local run; the suite's promise is about 1,000.
  const total = options.total ?? Number(process.env.FAULT_BURST_SIZE ?? 1000);
  const started = Date.now();
  const burst: BurstResult = await runBurst({
    urls,
    tokens,
    spaceId,
    threadId,
    tag: options.label.replace(/[^a-z]/gi, ''),
    total,
    concurrency: 8,
    faultAt: Math.floor(total * 0.3),
    resumeAt: Math.floor(total * 0.7),
    fault: () => options.fault(deployment),
  });
  const burstMs = Date.now() - started;
  const drainMs = await waitForDrain(deployment.databaseUrl);
  const rows = await readPosts(deployment.databaseUrl);
  const problems = auditLedger(burst.submissions, rows);

  const counts: Record<string, number> = { accepted: 0, refused: 0, unreachable: 0, hung: 0, malformed: 0 };
  const refusalCodes = new Set<string>();
  for (const submission of burst.submissions) {
    counts[submission.outcome.kind] += 1;
    if (submission.outcome.kind === 'refused') submission.outcome.codes.forEach((code) => refusalCodes.add(code));
  }
  const duringCount = burst.submissions.filter((s) => s.phase === 'during').length;
  const withinCount = burst.submissions.filter((s) => s.withinFault && s.outcome.kind === 'accepted').length;
  const statuses = rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row.status]: (acc[row.status] ?? 0) + 1 }), {});
  process.stderr.write(
    `[faults] ${options.label}: ${counts.accepted} accepted, ${counts.refused} refused (${[...refusalCodes].join(', ') || 'no codes'}), ` +
      `${counts.unreachable} unreachable, ${counts.hung} hung; ${duringCount} met the fault (${withinCount} accepted while it lasted); burst ${(burstMs / 1000).toFixed(1)} s, ` +
      `drained ${(drainMs / 1000).toFixed(1)} s after; posts in the database: ${JSON.stringify(statuses)}; problems: ${problems.length}\n`,
  );
  return { submissions: burst.submissions, problems, faultError: burst.faultError, counts, refusalCodes: [...refusalCodes] };
}

/** The expectations every scenario shares, as one list of broken ones (empty when all hold). */
export function brokenPromises(report: ScenarioReport, options: Pick<ScenarioOptions, 'during'>): string[] {
  const broken = [...report.problems];
  if (report.faultError) broken.push(`the fault itself failed: ${(report.faultError as Error).message}`);
  if (report.counts.hung > 0) broken.push(`${report.counts.hung} submission(s) hung`);
  if (report.counts.malformed > 0) broken.push(`${report.counts.malformed} answer(s) were not GraphQL`);
  for (const code of report.refusalCodes) if (!CONTRACT_CODES.includes(code)) broken.push(`a refusal carried no contract code: ${code}`);
  for (const submission of report.submissions) {
    const { kind } = submission.outcome;
    if (kind === 'accepted') continue;
    const allowed =
      submission.phase === 'during' &&
      ((kind === 'refused' && options.during.mayBeRefused) || (kind === 'unreachable' && options.during.mayBeUnreachable));
    if (!allowed) broken.push(`submission ${submission.index} (${submission.phase} the fault): ${JSON.stringify(submission.outcome)}`);
    if (kind === 'refused' && options.during.refusalsSayRetry && !submission.outcome.retryable)
      broken.push(`submission ${submission.index} was refused without saying to try again: ${submission.outcome.messages.join('; ')}`);
  }
  if (!report.submissions.some((s) => s.phase === 'during')) broken.push('no post was sent during the fault');
  if (options.during.mustBeAccepted && !report.submissions.some((s) => s.withinFault && s.outcome.kind === 'accepted')) {
    broken.push('no post was accepted (sent and answered) while the fault lasted: posting waited for the fault to end');
  }
  if (!report.submissions.some((s) => s.phase === 'after' && s.outcome.kind === 'accepted'))
    broken.push('no post was accepted after the fault');
  return broken.slice(0, 30);
}
