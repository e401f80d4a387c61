import { Client, createClient } from 'graphql-ws';
import IORedis from 'ioredis';
import WebSocket from 'ws';
import { RunningKindred, startKindred } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { registerMember, setRole, TestMember } from './support/members';
import { queueBackends, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The live queue: moderators' dashboards receive new and changed cases over graphql-ws as
 * they happen, published through the queue backend (Redis pub/sub or Postgres
 * LISTEN/NOTIFY), so a case opened on one API instance reaches a dashboard on another.
 */

const backends = queueBackends();

const SUBSCRIPTION = `subscription Live($priority: CasePriority) {
  moderationCaseChanged(priority: $priority) { id priority status reportCount post { id status } reasons { category source } }
}`;
const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id } }`;
const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id } }`;

interface LiveCase {
  id: string;
  priority: string;
  status: string;
  reportCount: number;
  post: { id: string; status: string };
  reasons: Array<{ category: string; source: string }>;
}

interface Dashboard {
  received: Array<{ node: LiveCase }>;
  errors: unknown[];
  client: Client;
  dispose(): void;
}

function openDashboard(graphqlUrl: string, token: string | null, variables: Record<string, unknown> = {}): Dashboard {
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const dashboard: Dashboard = { received: [], errors: [], client, dispose: () => undefined };
  dashboard.dispose = client.subscribe<{ moderationCaseChanged: LiveCase }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (result) => {
        if (result.errors) dashboard.errors.push(...result.errors);
        if (result.data?.moderationCaseChanged) dashboard.received.push({ node: result.data.moderationCaseChanged });
      },
      error: (error) => dashboard.errors.push(error),
      complete: () => undefined,
    },
  );
  return dashboard;
}

describe.each(backends)('the live moderation queue on the %s backend', (backend) => {
  let app: TestApp;
  let space: string;
  let moderator: TestMember;
  let author: TestMember;
  const dashboards: Dashboard[] = [];
  const instances: RunningKindred[] = [];

  function publishedThread(): Promise<string> {
    return insertThread(app, space, author.accountId, { title: 'Tonight', body: 'Some words.' });
  }

  /** A case to poke until the dashboard hears of it: proves the subscription is listening before timing anything. */
  async function warmUp(dashboard: Dashboard, via: TestApp = app): Promise<void> {
    const reporter = await registerMember(via);
    const postId = await publishedThread();
    await via.gql(REPORT, { input: { postId, reason: 'OTHER' } }, reporter.token);
    const [{ id: caseId }]: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM moderation_case WHERE post_id = $1', [
      postId,
    ]);
    await waitFor(
      async () => {
        await via.gql(CLAIM, { id: caseId }, moderator.token);
        await via.gql(RELEASE, { id: caseId }, moderator.token);
        return dashboard.received.some((event) => event.node.id === caseId);
      },
      15_000,
      250,
    );
  }

  beforeAll(async () => {
    app = await startTestApp({ queue: backend });
    space = await firstSpaceIdInDb(app);
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    author = await registerMember(app);
  });
  afterAll(async () => {
    for (const dashboard of dashboards) {
      dashboard.dispose();
      await dashboard.client.dispose();
    }
    for (const instance of instances) await instance.close();
    await app?.close();
  });

  // How fast (POLICY: within a second) is measured by `npm run bench`, not asserted here.
  it('delivers an URGENT case to an open dashboard as it happens', async () => {
    const dashboard = openDashboard(app.url, moderator.token);
    dashboards.push(dashboard);
    await warmUp(dashboard);

    const reporter = await registerMember(app);
    const postId = await publishedThread();
    const response = await app.gql(REPORT, { input: { postId, reason: 'SELF_HARM', note: 'they said goodbye' } }, reporter.token);
    expect(response.errors).toBeUndefined();
    const event = await waitFor(async () => dashboard.received.find((e) => e.node.post.id === postId), 5_000, 20);
    expect(event.node).toMatchObject({
      priority: 'URGENT',
      status: 'OPEN',
      reportCount: 1,
      post: { id: postId, status: 'PUBLISHED' },
      reasons: [{ category: 'SELF_HARM', source: 'REPORT' }],
    });
    expect(dashboard.errors).toEqual([]);
  });

  it('delivers a case held by screening, and filters by priority', async () => {
    const all = openDashboard(app.url, moderator.token);
    const lowOnly = openDashboard(app.url, moderator.token, { priority: 'LOW' });
    dashboards.push(all, lowOnly);
    await warmUp(all);

    const started = await app.gql(
      `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id status } }`,
      {
        input: {
          spaceId: space,
          title: 'Tonight',
          body: "I don't want to wake up tomorrow. I have the pills ready and I'm going to take them all.",
        },
      },
      author.token,
    );
    expect(started.errors).toBeUndefined();
    const postId = started.data.startThread.id as string;
    const event = await waitFor(async () => all.received.find((e) => e.node.post.id === postId), 20_000, 50);
    expect(event.node).toMatchObject({
      priority: 'URGENT',
      post: { status: 'HELD' },
      reasons: expect.arrayContaining([{ category: 'SELF_HARM', source: 'SCREENING' }]),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lowOnly.received.filter((e) => e.node.post.id === postId)).toEqual([]);
  });

  it('reaches a dashboard connected to another API instance', async () => {
    const config = app.running.config;
    const env: Record<string, string> = {
      DATABASE_URL: config.databaseUrl as string,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: 'off',
      QUEUE_PREFIX: config.queuePrefix,
      ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
    };
    const other = await startKindred(loadConfig(env), { api: true, workers: false });
    instances.push(other);
    const dashboard = openDashboard(other.url as string, moderator.token);
    dashboards.push(dashboard);
    await warmUp(dashboard);

    const reporter = await registerMember(app);
    const postId = await publishedThread();
    await app.gql(REPORT, { input: { postId, reason: 'OVERDOSE_EMERGENCY' } }, reporter.token);
    const event = await waitFor(async () => dashboard.received.find((e) => e.node.post.id === postId), 5_000, 20);
    expect(event.node.priority).toBe('URGENT');
  });

  it('keeps listening after its connection to the backend is cut', async () => {
    const dashboard = openDashboard(app.url, moderator.token);
    dashboards.push(dashboard);
    await warmUp(dashboard);
    if (backend === 'postgres') {
      const listeners: Array<{ pid: number }> = await app.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'kindred-case-listener' AND datname = current_database()`,
      );
      expect(listeners.length).toBeGreaterThan(0);
      for (const { pid } of listeners) await app.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    } else {
      const admin = new IORedis(app.running.config.redisUrl as string);
      try {
        expect(Number(await admin.client('KILL', 'TYPE', 'pubsub'))).toBeGreaterThan(0);
      } finally {
        admin.disconnect();
      }
    }
    // The listener reconnects by itself; events flow again.
    await warmUp(dashboard);
  });

  it('ends the live queue of a moderator who loses the role while connected', async () => {
    const demoted = await registerMember(app);
    await setRole(app, demoted.accountId, 'MODERATOR');
    const dashboard = openDashboard(app.url, demoted.token);
    dashboards.push(dashboard);
    await warmUp(dashboard);
    await setRole(app, demoted.accountId, 'MEMBER');

    const reporter = await registerMember(app);
    const postId = await publishedThread();
    await app.gql(REPORT, { input: { postId, reason: 'SPAM' } }, reporter.token);
    await waitFor(async () => dashboard.errors.length > 0, 5_000, 50);
    expect(JSON.stringify(dashboard.errors)).toMatch(/no longer has access/);
    expect(dashboard.received.filter((event) => event.node.post.id === postId)).toEqual([]);
  });

  it('refuses the live queue to members and to the signed-out', async () => {
    const member = await registerMember(app);
    for (const token of [member.token, null]) {
      const dashboard = openDashboard(app.url, token);
      dashboards.push(dashboard);
      await waitFor(async () => dashboard.errors.length > 0, 5_000, 50);
      expect(JSON.stringify(dashboard.errors)).toMatch(token ? /FORBIDDEN|moderators/ : /UNAUTHENTICATED|sign in/);
      expect(dashboard.received).toEqual([]);
    }
  });
});
