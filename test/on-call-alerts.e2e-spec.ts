import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { runAlertTestCommand } from '../src/cli/alert-test.command';
import { loadConfig } from '../src/config/config';
import { verifyAlertSignature } from '../src/moderation/on-call/alert-request';
import { CaseAlertsRepository } from '../src/moderation/on-call/case-alerts.repository';
import { OnCallWatch } from '../src/moderation/on-call/on-call-watch';
import { firstSpaceId, insertThread } from './support/forum';
import { registerMember, setRole, TestMember } from './support/members';
import { queueBackends, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * No URGENT case waits unseen: on the real app, database and both queue backends, an URGENT
 * case nobody claims posts signed alerts (without the post's words or its author) to a local
 * receiver, again every repeat interval, stops once a moderator claims it and says so; a
 * failing channel retries and shows in /health/details.
 */

const SECRET = 'on-call-signing-secret-for-tests';
const HEALTH_TOKEN = 'operator-health-token-for-tests-0013';
const METRICS_TOKEN = 'operator-metrics-token-for-tests-0013';
const CRISIS = "I don't want to wake up tomorrow. I have the pills ready and I'm going to take them all tonight.";
const CRISIS_WORDS = ['wake up tomorrow', 'pills', 'tonight'];

interface Received {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in for Slack, ntfy or an operator's own webhook: records every request; /down answers 500. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        method: request.method ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = request.url === '/down' ? 500 : 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const CASE_OF_POST = `SELECT id FROM moderation_case WHERE post_id = $1`;

describe.each(queueBackends())('on-call alerts on the %s queue backend', (backend) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let author: TestMember;
  let moderator: TestMember;
  let space: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startTestApp({
      queue: backend,
      env: {
        ALERT_WEBHOOKS: JSON.stringify([
          { name: 'oncall', format: 'generic', url: `${receiver.url}/generic`, secret: SECRET },
          { name: 'chat', format: 'slack', url: `${receiver.url}/slack` },
          { name: 'phone', format: 'ntfy', url: `${receiver.url}/down` },
        ]),
        ALERT_URGENT_AFTER_SECONDS: '1',
        ALERT_REPEAT_SECONDS: '2',
        ALERT_CHECK_INTERVAL_SECONDS: '1',
        ALERT_RETRY_BASE_SECONDS: '1',
        ALERT_DELIVERY_ATTEMPTS: '3',
        PUBLIC_URL: 'https://kindred.example.org/',
        HEALTH_TOKEN,
        METRICS_TOKEN,
      },
    });
    author = await registerMember(app);
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    space = await firstSpaceId(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  const generic = (caseId: string) =>
    receiver.received
      .filter((request) => request.path === '/generic')
      .map((request) => ({ request, event: JSON.parse(request.body) as Record<string, unknown> }))
      .filter(({ event }) => event.caseId === caseId);

  async function crisisCase(): Promise<{ postId: string; caseId: string }> {
    const started = await app.gql(
      `mutation Start($input: StartThreadInput!) { startThread(input: $input) { id } }`,
      { input: { spaceId: space, title: 'Tonight', body: CRISIS } },
      author.token,
    );
    expect(started.errors).toBeUndefined();
    const postId = started.data.startThread.id as string;
    const caseId = await waitFor(async () => {
      const rows: Array<{ id: string }> = await app.dataSource.query(CASE_OF_POST, [postId]);
      return rows[0]?.id;
    }, 30_000);
    return { postId, caseId };
  }

  it('alerts every channel about an unclaimed URGENT case, signed, with its link and priority only, and repeats', async () => {
    // A HIGH case waiting an hour: HIGH alerts are opt-in, so it never alerts.
    const heldPost = await insertThread(app, space, author.accountId, { status: 'HELD', body: 'who has percs near me' });
    const [{ id: highCase }]: Array<{ id: string }> = await app.dataSource.query(
      `INSERT INTO moderation_case (post_id, priority, priority_rank, created_at) VALUES ($1, 'HIGH', 1, now() - interval '1 hour') RETURNING id`,
      [heldPost],
    );
    const { postId, caseId } = await crisisCase();

    const first = await waitFor(async () => generic(caseId).find(({ event }) => event.alertNumber === 1), 30_000);
    expect(first.event).toMatchObject({
      kind: 'case.waiting',
      caseId,
      priority: 'URGENT',
      link: `https://kindred.example.org/moderation/cases/${caseId}`,
      alertNumber: 1,
    });
    expect(Object.keys(first.event).sort()).toEqual(
      ['alertNumber', 'caseId', 'deliveryId', 'kind', 'link', 'openedAt', 'priority', 'waitingSeconds'].sort(),
    );
    const signature = first.request.headers['x-kindred-signature'] as string;
    expect(verifyAlertSignature(signature, SECRET, first.request.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyAlertSignature(signature, 'some-other-secret-0000', first.request.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifyAlertSignature(signature, SECRET, first.request.body.replace('URGENT', 'LOW'), Math.floor(Date.now() / 1000))).toBe(false);

    const slack = await waitFor(async () =>
      receiver.received.find((request) => request.path === '/slack' && request.body.includes(caseId)),
    );
    expect(JSON.parse(slack.body)).toEqual({ text: expect.stringContaining(`URGENT case waiting`) });

    // The repeat, on the same schedule, until someone claims it.
    await waitFor(async () => generic(caseId).find(({ event }) => event.alertNumber === 2), 30_000);

    // Meanwhile the author keeps seeing crisis resources on their held post.
    const mine = await app.gql(
      `query($id: ID!) { thread(id: $id) { status screening { outcome crisisResources { name contact } } } }`,
      { id: postId },
      author.token,
    );
    expect(mine.data.thread.status).toBe('HELD');
    expect(mine.data.thread.screening.crisisResources.length).toBeGreaterThan(0);

    const everything = receiver.received.map((request) => `${JSON.stringify(request.headers)}\n${request.body}`).join('\n');
    for (const words of [...CRISIS_WORDS, author.pseudonym, 'Tonight']) expect(everything).not.toContain(words);
    expect(receiver.received.some((request) => request.body.includes(highCase))).toBe(false);

    // With HIGH opted in (ALERT_HIGH_AFTER_SECONDS), the same query finds the HIGH case due.
    const alerts = app.running.app.get(CaseAlertsRepository);
    const due = await app.dataSource.transaction((manager) =>
      alerts.dueForAlert(manager, { urgentAfterSeconds: 1, highAfterSeconds: 60, repeatSeconds: 3600, limit: 100 }),
    );
    expect(due.map((waiting) => waiting.caseId)).toContain(highCase);
    expect(due.map((waiting) => waiting.caseId)).not.toContain(caseId);
  }, 90_000);

  it('stops once a moderator claims the case, and says it was claimed', async () => {
    const { caseId } = await crisisCase();
    await waitFor(async () => generic(caseId).find(({ event }) => event.kind === 'case.waiting'), 30_000);

    const claimed = await app.gql(`mutation($id: ID!) { claimCase(id: $id) { id status } }`, { id: caseId }, moderator.token);
    expect(claimed.errors).toBeUndefined();
    const followUp = await waitFor(async () => generic(caseId).find(({ event }) => event.kind === 'case.claimed'), 30_000);
    expect(followUp.event).toMatchObject({ caseId, priority: 'URGENT' });

    // Two repeat intervals and several passes later, nothing more about the case.
    const waitingSoFar = generic(caseId).filter(({ event }) => event.kind === 'case.waiting').length;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await app.running.app.get(OnCallWatch).checkOnce();
    expect(generic(caseId).filter(({ event }) => event.kind === 'case.waiting').length).toBe(waitingSoFar);
    expect(generic(caseId).filter(({ event }) => event.kind === 'case.claimed')).toHaveLength(1);
  }, 90_000);

  it('retries a failing channel with backoff and shows the failure in /health/details', async () => {
    const details = await waitFor(async () => {
      const response = await fetch(`${app.baseUrl}/health/details`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
      const body = (await response.json()) as { alerts: { status: string; channels: Array<Record<string, unknown>> } };
      const phone = body.alerts.channels.find((channel) => channel.name === 'phone');
      return phone && (phone.failed as number) >= 2 ? body : null;
    }, 60_000);
    expect(details.alerts.status).toBe('failing');
    expect(details.alerts.channels.find((channel) => channel.name === 'phone')).toMatchObject({
      format: 'ntfy',
      status: 'failing',
      lastFailure: 'HTTP 500',
    });
    expect(details.alerts.channels.find((channel) => channel.name === 'oncall')).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
    // The same delivery, attempted again (BullMQ's retry), not a new alert.
    const attempts = new Map<string, number>();
    for (const request of receiver.received.filter((r) => r.path === '/down')) {
      const id = request.headers['x-kindred-delivery'] as string;
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
    }
    expect(Math.max(...attempts.values())).toBeGreaterThanOrEqual(2);
    // ntfy's own headers: a phone rings for URGENT.
    const ntfy = receiver.received.find((r) => r.path === '/down' && r.headers['x-kindred-event'] === 'case.waiting');
    expect(ntfy?.headers).toMatchObject({ priority: 'urgent', click: expect.stringContaining('/moderation/cases/') });

    // And in the metrics an operator scrapes: deliveries by format and result, alerts by priority.
    const scrape = await (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const count = (series: string) =>
      Number(
        scrape
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.split(' ')[1] ?? 0,
      );
    expect(count('kindred_alert_deliveries_total{format="ntfy",result="failed"}')).toBeGreaterThanOrEqual(2);
    expect(count('kindred_alert_deliveries_total{format="generic",result="delivered"}')).toBeGreaterThanOrEqual(2);
    expect(count('kindred_alerts_sent_total{priority="URGENT"}')).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

describe('cli alert-test', () => {
  it('sends one signed test alert to every channel and says which were delivered', async () => {
    const receiver = await startReceiver();
    try {
      const config = loadConfig({
        ALERT_WEBHOOKS: JSON.stringify([
          { name: 'oncall', format: 'generic', url: `${receiver.url}/generic`, secret: SECRET },
          { name: 'phone', format: 'ntfy', url: `${receiver.url}/down` },
        ]),
        PUBLIC_URL: 'https://kindred.example.org',
      });
      let printed = '';
      const out = new Writable({
        write(chunk: Buffer, _encoding, done) {
          printed += chunk.toString();
          done();
        },
      });
      expect(await runAlertTestCommand(config, out)).toBe(1);
      expect(printed).toBe('oncall (generic): delivered\nphone (ntfy): failed, HTTP 500\n');
      const [generic] = receiver.received.filter((request) => request.path === '/generic');
      expect(JSON.parse(generic.body)).toMatchObject({ kind: 'test', priority: 'URGENT', link: 'https://kindred.example.org/moderation' });
      expect(
        verifyAlertSignature(generic.headers['x-kindred-signature'] as string, SECRET, generic.body, Math.floor(Date.now() / 1000)),
      ).toBe(true);
      expect(receiver.received.find((request) => request.path === '/down')?.headers).toMatchObject({
        title: 'Kindred: test alert',
        priority: 'urgent',
      });
      expect(await runAlertTestCommand(loadConfig({}), out)).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
