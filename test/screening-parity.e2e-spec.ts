import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runScreenCommand } from '../src/screening/cli/screen-command';
import { loadScreener } from '../src/screening/screener';
import { registerMember } from './support/members';
import { startThread, waitForScreened } from './support/forum';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The command line and the worker must give the same decisions (rules, then the model): every dev-corpus post is
 * screened once by `screen` (JSONL in, JSONL out) and once by the real pipeline (posted as a
 * reply, screened by the worker), and the two are compared post by post.
 */
interface CliDecision {
  id: string;
  outcome: string;
  categories: string[];
  priority: string | null;
  suggestions: Array<{ term: string; start: number; end: number }>;
}

const CORPUS = path.join(__dirname, 'fixtures', 'screening-dev.jsonl');
const REPLY = `mutation Reply($input: ReplyInput!) { reply(input: $input) { id } }`;

async function screenWithCli(lines: string[]): Promise<CliDecision[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  // The rules and the bundled model, as the test app's workers screen (SCREENING_MODEL unset).
  const done = runScreenCommand(input, output, loadScreener(null, { kind: 'bundled' }));
  input.end(lines.join('\n'));
  await done;
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CliDecision);
}

describe('the screen command and the screening worker', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { POST_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.close());

  it('give the same decision for every dev-corpus post', async () => {
    const lines = fs.readFileSync(CORPUS, 'utf8').trim().split('\n');
    const posts = lines.map((line) => JSON.parse(line) as { id: string; text: string });
    const cli = await screenWithCli(lines);
    expect(cli).toHaveLength(posts.length);

    const member = await registerMember(app);
    const thread = await startThread(app, member.token, 'Checking in after a good week at my meetings.', 'Check-in');
    expect(await waitForScreened(app, member.token, thread.id)).toBe('PUBLISHED');

    const replyIds: string[] = [];
    for (const post of posts) {
      const response = await app.gql<{ reply: { id: string } }>(REPLY, { input: { threadId: thread.id, body: post.text } }, member.token);
      if (!response.data) throw new Error(`reply ${post.id} failed: ${JSON.stringify(response.errors)}`);
      replyIds.push(response.data.reply.id);
    }
    await waitFor(async () => {
      const [{ pending }] = await app.dataSource.query(
        `SELECT count(*)::int AS pending FROM post WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
        [replyIds],
      );
      return pending === 0;
    }, 60_000);

    const rows: Array<{
      id: string;
      screening: { outcome: string; categories: string[]; suggestions: Array<{ term: string; start: number; end: number }> };
      priority: string | null;
    }> = await app.dataSource.query(
      `SELECT p.id, p.screening, c.priority FROM post p LEFT JOIN moderation_case c ON c.post_id = p.id WHERE p.id = ANY($1::uuid[])`,
      [replyIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const worker = replyIds.map((id) => byId.get(id));

    const summarize = (decision: {
      outcome: string;
      categories: string[];
      priority: string | null;
      suggestions: Array<{ term: string; start: number; end: number }>;
    }) => ({
      outcome: decision.outcome,
      categories: [...decision.categories].sort(),
      priority: decision.priority,
      suggestions: decision.suggestions.map(({ term, start, end }) => ({ term, start, end })),
    });
    const fromCli = cli.map((decision, index) => ({ id: posts[index].id, ...summarize(decision) }));
    const fromWorker = worker.map((row, index) => ({
      id: posts[index].id,
      ...summarize({ ...(row?.screening ?? { outcome: 'MISSING', categories: [], suggestions: [] }), priority: row?.priority ?? null }),
    }));
    expect(fromWorker).toEqual(fromCli);
  }, 120_000);
});
