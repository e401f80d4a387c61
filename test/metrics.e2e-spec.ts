import { startKindred } from '../src/bootstrap';
import { freePort } from '../src/common/net/free-port';
import { loadConfig } from '../src/config/config';
import { calmText, startThread, waitForScreened } from './support/forum';
import { ok } from './support/gql';
import { registerMember, setRole, TestMember } from './support/members';
import { labelValues, sampleSum } from './support/metrics-text';
import { queueBackends, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Prometheus metrics end to end: who may scrape them (METRICS_TOKEN on the main port,
 * METRICS_PORT apart), what a member's visit and a moderator's claim leave in them, and
 * that none of it names a member, quotes a post or carries an address.
 */

const TOKEN = 'operator-metrics-token-0123456789';
const CRISIS_BODY = "I can't do this anymore. Tonight I'm going to take every pill I have saved up.";
const CRISIS_TITLE = 'Tonight';
const CALM_TITLE = 'Riverside walk';
const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id status } }`;

async function scrape(url: string, token?: string): Promise<Response> {
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe.each(queueBackends())('metrics on the %s queue backend', (backend) => {
  let app: TestApp;
  let operatorUrl: string;
  let author: TestMember;
  let moderator: TestMember;
  let calmBody: string;
  let ids: string[];

  beforeAll(async () => {
    const metricsPort = await freePort();
    app = await startTestApp({
      queue: backend,
      env: { METRICS_TOKEN: TOKEN, METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' },
    });
    operatorUrl = `http://127.0.0.1:${metricsPort}/metrics`;

    // A member's visit: join, a post screening publishes, a crisis post it holds (an URGENT case).
    author = await registerMember(app);
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    calmBody = calmText(`metrics-${backend}`);
    const calm = await startThread(app, author.token, calmBody, CALM_TITLE);
    const crisis = await startThread(app, author.token, CRISIS_BODY, CRISIS_TITLE);
    expect(await waitForScreened(app, author.token, calm.id)).toBe('PUBLISHED');
    expect(await waitForScreened(app, author.token, crisis.id)).toBe('HELD');
    const [held] = await waitFor<Array<{ id: string }>>(async () => {
      const rows: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM moderation_case WHERE post_id = $1', [crisis.id]);
      return rows.length > 0 ? rows : null;
    });
    expect(ok(await app.gql(CLAIM, { id: held.id }, moderator.token)).claimCase.status).toBe('CLAIMED');
    // A document that fails validation: its name (which could be anything) must not become a label.
    await app.gql(`query NotInTheSchemaQuietRiver { noSuchField }`);
    // A valid document named after a member: only names on the known list become labels.
    ok(await app.gql(`query ${author.pseudonym.replace(/[^A-Za-z0-9_]/g, '_')} { spaces { id } }`));
    ids = [author.accountId, moderator.accountId, calm.id, crisis.id, held.id];
  }, 90_000);
  afterAll(() => app.close());

  it('serves /metrics on the main port only with the token', async () => {
    expect((await scrape(`${app.baseUrl}/metrics`)).status).toBe(401);
    expect((await scrape(`${app.baseUrl}/metrics`, `${TOKEN}x`)).status).toBe(401);
    const response = await scrape(`${app.baseUrl}/metrics`, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('kindred_http_request_duration_seconds');
  });

  it('serves /metrics on METRICS_PORT, behind the token too once one is set, and nothing else there', async () => {
    expect((await scrape(operatorUrl)).status).toBe(401);
    const response = await scrape(operatorUrl, TOKEN);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('kindred_queue_jobs');
    expect((await scrape(operatorUrl.replace('/metrics', '/graphql'), TOKEN)).status).toBe(404);
  });

  it('records the visit: requests, operations, screening, the case, its claim, the queue and the pool', async () => {
    // The jobs' histograms are recorded as each job ends, after the post's status changed.
    const text = await waitFor(async () => {
      const body = await (await scrape(operatorUrl, TOKEN)).text();
      return (sampleSum(body, 'kindred_queue_job_duration_seconds_count', { queue: 'screening', backend, result: 'completed' }) ?? 0) >= 2
        ? body
        : null;
    });

    expect(
      sampleSum(text, 'kindred_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_class: '2xx' }),
    ).toBeGreaterThan(0);
    for (const [operation, type] of [
      ['Register', 'mutation'],
      // The tests' own `mutation Start` is not a web client name.
      ['other', 'mutation'],
      ['Thread', 'query'],
      ['Claim', 'mutation'],
      ['_anonymous', 'query'],
    ]) {
      expect(sampleSum(text, 'kindred_graphql_operation_duration_seconds_count', { operation, type })).toBeGreaterThan(0);
    }
    expect(sampleSum(text, 'kindred_graphql_operation_duration_seconds_count', { operation: '_invalid' })).toBe(1);
    expect(sampleSum(text, 'kindred_graphql_errors_total', { operation: '_invalid', code: 'BAD_USER_INPUT' })).toBe(1);

    expect(sampleSum(text, 'kindred_screenings_total', { outcome: 'HOLD' })).toBe(1);
    expect(sampleSum(text, 'kindred_screenings_total')).toBe(2);
    expect(sampleSum(text, 'kindred_screening_categories_total', { outcome: 'HOLD', category: 'SELF_HARM' })).toBe(1);
    expect(sampleSum(text, 'kindred_moderation_cases_opened_total', { priority: 'URGENT', source: 'screening' })).toBe(1);
    expect(sampleSum(text, 'kindred_moderation_time_to_first_claim_seconds_count', { priority: 'URGENT' })).toBe(1);

    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(sampleSum(text, 'kindred_queue_jobs', { queue: 'screening', backend, state })).not.toBeNull();
    }
    expect(sampleSum(text, 'kindred_queue_up', { queue: 'screening', backend })).toBe(1);
    expect(sampleSum(text, 'kindred_queue_job_wait_seconds_count', { queue: 'screening', backend })).toBeGreaterThanOrEqual(2);

    expect(sampleSum(text, 'kindred_db_pool_connections')).toBeGreaterThan(0);
    expect(sampleSum(text, 'kindred_db_pool_max_connections')).toBeGreaterThan(0);
    expect(sampleSum(text, 'kindred_db_pool_idle_connections')).not.toBeNull();
    expect(sampleSum(text, 'kindred_db_pool_waiting_clients')).not.toBeNull();
    expect(sampleSum(text, 'kindred_alert_deliveries_total')).toBeNull();
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('names no member, quotes no post and carries no id or address', async () => {
    const text = await (await scrape(operatorUrl, TOKEN)).text();
    for (const secret of [
      author.pseudonym,
      moderator.pseudonym,
      author.token,
      calmBody,
      CRISIS_BODY,
      'take every pill',
      'Riverside',
      CALM_TITLE,
      'QuietRiver',
      '127.0.0.1',
      ...ids,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    // Every label value is a short plain word: a route pattern, a name from the code, a number.
    for (const value of labelValues(text)) expect(value).toMatch(/^[A-Za-z0-9_.+/*-]{0,64}$/);
  });
});

describe('metrics without a token', () => {
  let app: TestApp;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    app = await startTestApp({ env: { METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1', WORKERS: 'off' } });
  });
  afterAll(() => app.close());

  it('has no /metrics on the main port (404, token or not) but serves the operator port', async () => {
    expect((await scrape(`${app.baseUrl}/metrics`)).status).toBe(404);
    expect((await scrape(`${app.baseUrl}/metrics`, TOKEN)).status).toBe(404);
    const response = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sampleSum(text, 'kindred_http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status_class: '4xx' })).toBe(
      2,
    );
  });

  it('serves a worker process (`npm run worker`) on its own METRICS_PORT', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: app.running.config.databaseUrl as string,
      DATABASE_OWNER_URL: app.ownerUrl,
      METRICS_PORT: String(port),
      METRICS_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    const worker = await startKindred(loadConfig(env), { api: false, workers: true });
    try {
      const text = await (await scrape(`http://127.0.0.1:${port}/metrics`)).text();
      expect(sampleSum(text, 'kindred_queue_up', { queue: 'screening', backend: 'postgres' })).toBe(1);
      expect(sampleSum(text, 'kindred_db_pool_max_connections')).toBeGreaterThan(0);
      expect(sampleSum(text, 'kindred_http_request_duration_seconds_count')).toBeNull();
    } finally {
      await worker.close();
    }
  });
});
