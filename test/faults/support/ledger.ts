import { Client } from 'pg';
import type { Expected, Submission } from './burst';

/**
 * The books after a burst, read straight from the database: where every post ended, and
 * everything that must hold for "nothing is lost, nothing published unscreened".
 */
export interface PostRow {
  id: string;
  status: string;
  revision: number;
  screened_revision: number | null;
  screened_outcome: string | null;
  published_at: Date | null;
  screening_actions: number;
  outcome_notifications: number;
  cases: number;
  open_cases: number;
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Polls (bounded) until no post is PENDING; returns how long it took, or throws with the count left. */
export async function waitForDrain(url: string, timeoutMs = 240_000): Promise<number> {
  const started = Date.now();
  let pending = -1;
  while (Date.now() - started < timeoutMs) {
    pending = await withClient(url, async (client) =>
      Number((await client.query(`SELECT count(*) FROM post WHERE status = 'PENDING'`)).rows[0].count),
    ).catch(() => -1);
    if (pending === 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${pending} post(s) still PENDING after ${timeoutMs} ms`);
}

export async function readPosts(url: string): Promise<PostRow[]> {
  return withClient(
    url,
    async (client) =>
      (
        await client.query<PostRow>(`
        SELECT p.id, p.status, p.revision,
               (p.screening->>'revision')::int AS screened_revision,
               p.screening->>'outcome' AS screened_outcome,
               p.published_at,
               (SELECT count(*)::int FROM moderation_action a WHERE a.post_id = p.id AND a.action LIKE 'SCREENED\\_%') AS screening_actions,
               (SELECT count(*)::int FROM notification n WHERE n.post_id = p.id AND n.kind IN ('POST_PUBLISHED', 'POST_HELD', 'POST_REJECTED')) AS outcome_notifications,
               (SELECT count(*)::int FROM moderation_case c WHERE c.post_id = p.id) AS cases,
               (SELECT count(*)::int FROM moderation_case c WHERE c.post_id = p.id AND c.status <> 'RESOLVED') AS open_cases
          FROM post p`)
      ).rows,
  );
}

const OUTCOME_FOR_STATUS: Record<string, string[]> = {
  PUBLISHED: ['PUBLISH', 'PUBLISH_WITH_SUGGESTIONS'],
  HELD: ['HOLD'],
  REJECTED: ['REJECT'],
};

/**
 * Every broken promise, as readable lines (empty when the books balance). Posts the test
 * never saw accepted may exist (committed just before an API died): they must be final too.
 */
export function auditLedger(submissions: Submission[], rows: PostRow[]): string[] {
  const problems: string[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const accepted = submissions.flatMap((s) =>
    s.outcome.kind === 'accepted' ? [{ id: s.outcome.id, expected: s.expected, index: s.index }] : [],
  );
  const seen = new Set<string>();
  const expectedById = new Map<string, Expected>();
  for (const { id, expected, index } of accepted) {
    if (seen.has(id)) problems.push(`submission ${index}: id ${id} was returned twice`);
    seen.add(id);
    expectedById.set(id, expected);
    if (!byId.has(id)) problems.push(`submission ${index}: accepted post ${id} is missing`);
  }
  for (const row of rows) {
    const where = `post ${row.id} (${row.status})`;
    if (!(row.status in OUTCOME_FOR_STATUS)) {
      problems.push(`${where}: not in a final state`);
      continue;
    }
    if (row.screened_revision !== row.revision)
      problems.push(`${where}: no screening record for revision ${row.revision} (has ${row.screened_revision})`);
    if (!OUTCOME_FOR_STATUS[row.status].includes(row.screened_outcome ?? ''))
      problems.push(`${where}: status disagrees with screening outcome ${row.screened_outcome}`);
    if (row.screening_actions !== 1) problems.push(`${where}: screened ${row.screening_actions} times in the audit log`);
    if (row.outcome_notifications !== 1) problems.push(`${where}: author notified ${row.outcome_notifications} times`);
    if (row.cases > 1 || row.open_cases > 1) problems.push(`${where}: ${row.cases} cases`);
    if (row.status === 'HELD' && row.open_cases !== 1) problems.push(`${where}: held without an open case`);
    if (row.status === 'PUBLISHED' && row.cases !== 0) problems.push(`${where}: published with a case`);
    if (row.status === 'PUBLISHED' && row.published_at === null) problems.push(`${where}: published without a publication time`);
    const expected = expectedById.get(row.id);
    if (expected && row.status !== expected) problems.push(`${where}: expected ${expected}`);
  }
  return problems;
}
