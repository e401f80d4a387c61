/**
 * Reads under load (issue 8): the feed and a thread page, signed out and signed in, at 50
 * connections, each beside a bare node:http server returning the same bytes, measured in the
 * same run with the same load generator. Kindred runs as `npm start` runs it (API and
 * workers in one process, embedded Postgres), in its own process. Figures only.
 */
import autocannon from 'autocannon';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchFigure, BenchSection } from './report';
import { ChildServer, startChild } from './support/child-server';
import type { StaticResponse } from './support/static-server';
import { freePort } from '../src/common/net/free-port';
import { benchGql as data, embeddedBenchEnv } from './support/bench-kindred';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const THREADS = 40;
const REPLIES_PER_THREAD = 6;

// The web client's Feed and Thread operations (web/src/api/documents.ts), written out here:
// the server's build does not compile the client's sources.
const MEMBER = `id pseudonym perspective role daysInRecovery`;
const REACTIONS = `reactions { kind count viewerReacted }`;
const SCREENING = `screening { outcome categories reasons suggestions { term suggestion explanation start end } crisisResources { name contact description url } screenedAt }`;
const POST_FIELDS = `id body status contentWarnings createdAt publishedAt editedAt viewerIsAuthor author { ${MEMBER} } ${REACTIONS}`;
const THREAD_SUMMARY = `id title body status contentWarnings lastActivityAt publishedAt replyCount locked author { ${MEMBER} } space { id slug name } ${REACTIONS}`;
const FEED = `query Feed($first: Int!, $after: String, $spaceSlug: String) {
  threads(first: $first, after: $after, spaceSlug: $spaceSlug) { edges { node { ${THREAD_SUMMARY} } } pageInfo { hasNextPage endCursor } } }`;
const THREAD = `query Thread($id: ID!, $after: String) { thread(id: $id) {
  ${POST_FIELDS} ${SCREENING} title locked replyCount lastActivityAt space { id slug name }
  replies(first: 50, after: $after) { edges { node { ${POST_FIELDS} ${SCREENING} inReplyTo { id author { pseudonym } } } } pageInfo { hasNextPage endCursor } } } }`;

const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token account { id } } }`;
const START_THREAD = `mutation S($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`;
const REACT = `mutation R($input: ReactInput!) { react(input: $input) { id } }`;
const SPACES = `query { spaces { id } }`;
const MY_POSTS = `query { me { posts(first: 100) { edges { node { status } } } } }`;
const PUBLISHED_COUNT = `query { threads(first: 100) { edges { node { id replyCount } } } }`;

// Replies are composed from three short lists (7 x 10 x 11 combinations) so no two members
// post the same words: screening holds repeated posts as spam.
const OPENERS = [
  'Ninety days today,',
  'My brother started treatment last month,',
  'The second week was the hardest for me,',
  'I went back to my meeting after a long time away,',
  'Reading this thread on my lunch break,',
  'After a rough weekend,',
  'My mom asked me how she could help,',
];
const MIDDLES = [
  'and a walk every morning helped more than I expected',
  'and nobody in the room made me feel ashamed',
  'and I am learning to support him without losing myself',
  'and the cravings were quiet for once',
  'and my sponsor reminded me to eat something',
  'and I wrote down three things that went right',
  'and the clinic staff were kinder than I feared',
  'and I finally slept a whole night',
  'and I called my sister instead of isolating',
  'and the group chat kept me company',
];
const CLOSERS = [
  'so thank you for sharing yours.',
  'one day at a time.',
  'and I will check in tomorrow.',
  'which I did not think was possible in spring.',
  'and that felt like enough.',
  'so I am holding onto that.',
  'even with the rain outside.',
  'and I am proud of that.',
  'so keep going, friend.',
  'and the coffee helped too.',
  'which my counselor said is progress.',
];
function sentence(n: number): string {
  return `${OPENERS[n % OPENERS.length]} ${MIDDLES[n % MIDDLES.length]}, ${CLOSERS[n % CLOSERS.length]}`;
}

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  token?: string;
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}

/** A small busy forum through the API itself, so every row is what the pipeline writes. */
async function seed(url: string): Promise<{ token: string; threadId: string }> {
  const members: Array<{ token: string }> = [];
  for (let i = 0; i < 8; i++) {
    members.push((await data<{ register: { token: string } }>(url, REGISTER, { input: { passphrase: `bench passphrase ${i}` } })).register);
  }
  const spaceIds = (await data<{ spaces: Array<{ id: string }> }>(url, SPACES)).spaces.map((space) => space.id);
  const threadIds: string[] = [];
  for (let i = 0; i < THREADS; i++) {
    const author = members[i % members.length];
    const input = {
      spaceId: spaceIds[i % spaceIds.length],
      title: `Week ${i + 1} of showing up`,
      body: `${sentence(i)} ${sentence(i + 500)}`,
    };
    threadIds.push((await data<{ startThread: { id: string } }>(url, START_THREAD, { input }, author.token)).startThread.id);
  }
  await waitFor(async () => (await data<{ threads: { edges: unknown[] } }>(url, PUBLISHED_COUNT)).threads.edges.length === THREADS);
  for (const [i, threadId] of threadIds.entries()) {
    for (let r = 0; r < REPLIES_PER_THREAD; r++) {
      const member = members[(i + r + 1) % members.length];
      await data(url, REPLY, { input: { threadId, body: sentence(1 + i * REPLIES_PER_THREAD + r) } }, member.token);
    }
    for (const member of members.slice(0, 1 + (i % members.length))) {
      await data(url, REACT, { input: { postId: threadId, kind: 'SUPPORT' } }, member.token);
    }
  }
  // Screening may hold a reply now and then; the page is whatever the pipeline published.
  await waitFor(async () => {
    for (const member of members) {
      const posts = await data<{ me: { posts: { edges: Array<{ node: { status: string } }> } } }>(url, MY_POSTS, {}, member.token);
      if (posts.me.posts.edges.some((edge) => edge.node.status === 'PENDING')) return false;
    }
    return true;
  });
  return { token: members[0].token, threadId: threadIds[0] };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('seeding did not finish');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function load(url: string, scenario: Scenario, seconds = SECONDS): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}) },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}

export async function benchReads(): Promise<BenchSection> {
  const { dataDir, env } = await embeddedBenchEnv({
    PORT: String(await freePort()),
    WEB_CLIENT: 'off',
    POST_RATE_LIMIT: '100000',
    REGISTRATIONS_PER_CLIENT: '1000',
  });
  // BENCH_PROFILE=DIR writes the API's CPU profile there (node --cpu-prof), to look before optimizing.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const kindred = startChild(process.execPath, [...profile, 'dist/src/main.js'], env, /Kindred is ready: \S*?(http:\/\/\S+\/graphql)/);
  let baseline: ChildServer | null = null;
  try {
    const url = (await kindred.ready)[1];
    const { token, threadId } = await seed(url);
    const scenarios: Scenario[] = [
      { name: 'feed, signed out', query: FEED, variables: { first: 20 } },
      { name: 'feed, signed in', query: FEED, variables: { first: 20 }, token },
      { name: 'thread page, signed out', query: THREAD, variables: { id: threadId } },
      { name: 'thread page, signed in', query: THREAD, variables: { id: threadId }, token },
    ];

    // The baseline serves exactly the bytes Kindred answers with.
    const responses: Record<string, StaticResponse> = {};
    for (const [i, scenario] of scenarios.entries()) {
      const response = await gql(url, scenario.query, scenario.variables, scenario.token);
      responses[`/${i}`] = { contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
    }
    const responsesFile = path.join(dataDir, 'responses.json');
    fs.writeFileSync(responsesFile, JSON.stringify(responses));
    baseline = startChild(
      process.execPath,
      [path.join(__dirname, 'support', 'static-server.js'), responsesFile],
      process.env,
      /listening on (\d+)/,
    );
    const baselineUrl = `http://127.0.0.1:${(await baseline.ready)[1]}`;

    const figures: BenchFigure[] = [];
    const notes: string[] = [];
    // BENCH_READS=0,2 measures only those scenarios (by index), e.g. while profiling.
    const only = process.env.BENCH_READS?.split(',').map(Number);
    for (const [i, scenario] of scenarios.entries()) {
      if (only && !only.includes(i)) continue;
      await load(url, scenario, 2); // warm-up: JIT, caches, pool
      const measured = await load(url, scenario);
      const ceiling = await load(`${baselineUrl}/${i}`, scenario);
      const signedOut = !scenario.token;
      const isFeed = scenario.name.startsWith('feed');
      figures.push(
        {
          name: `${scenario.name}: requests/s`,
          value: measured.requestsPerSecond,
          unit: 'req/s',
          baseline: { name: 'node:http', value: ceiling.requestsPerSecond },
          target: isFeed ? (signedOut ? '>= 30% of node:http' : '>= 10% of node:http') : undefined,
        },
        {
          name: `${scenario.name}: p99 latency`,
          value: measured.p99,
          unit: 'ms',
          baseline: { name: 'node:http', value: ceiling.p99 },
          target: isFeed && signedOut ? '< 50 ms' : undefined,
        },
        { name: `${scenario.name}: p50 latency`, value: measured.p50, unit: 'ms', baseline: { name: 'node:http', value: ceiling.p50 } },
      );
      if (measured.failures > 0) notes.push(`${scenario.name}: ${measured.failures} failed requests`);
      notes.push(`${scenario.name}: ${Buffer.byteLength(responses[`/${i}`].body)} bytes per response`);
    }
    const rss = kindred.peakRssMb();
    if (rss !== null) figures.push({ name: 'API + workers process: peak RSS', value: rss, unit: 'MB' });
    notes.unshift(
      `${CONNECTIONS} connections, ${SECONDS} s per figure, ${os.cpus().length} cores; Kindred and the baseline each in their own process`,
    );
    return { section: 'reads', figures, notes };
  } finally {
    await baseline?.stop();
    await kindred.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
