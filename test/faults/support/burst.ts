/**
 * The burst: posts sent over HTTP GraphQL as members would, a few at a time, and what each
 * submission got back. A post counts as accepted only when the mutation returned its id.
 */
export const CONTRACT_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SUSPENDED',
  'INTERNAL_SERVER_ERROR',
];

/** Long enough that only a real hang reaches it; the test asserts nobody waited that long. */
const REQUEST_TIMEOUT_MS = 90_000;

const START_THREAD = `mutation($input: StartThreadInput!) { startThread(input: $input) { id status } }`;
const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id status } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;

export type Expected = 'PUBLISHED' | 'HELD';

/**
 * Calm posts publish; a sourcing request is held for a moderator (a case is opened). The suite
 * tests delivery, not screening, so the calm text stays far from every threshold: "Grateful for
 * this group" plus a random word read as a farewell to the learned model once in 800 posts.
 */
function bodyFor(index: number, tag: string): { body: string; expected: Expected } {
  const word = index.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]);
  if (index % 10 === 3)
    return { body: `Anyone in Columbus know where I can get some percs? Dope sick and my guy is gone. ${tag} ${word}`, expected: 'HELD' };
  if (index % 10 === 7) return { body: `who has percs near me, ${tag} ${word}`, expected: 'HELD' };
  return {
    body: `Went for a long walk by the river today and called my sponsor afterwards. Made soup for dinner and slept well. ${tag} ${word}`,
    expected: 'PUBLISHED',
  };
}

export type Outcome =
  | { kind: 'accepted'; id: string }
  /** A GraphQL error: the post was not accepted; its codes must come from the contract. */
  | { kind: 'refused'; codes: string[]; retryable: boolean; messages: string[] }
  /** No HTTP answer at all (connection refused or reset): only while an API process is down. */
  | { kind: 'unreachable'; message: string }
  | { kind: 'hung' }
  /** An HTTP answer that is not a GraphQL response. */
  | { kind: 'malformed'; status: number; text: string };

export interface Submission {
  index: number;
  expected: Expected;
  phase: 'before' | 'during' | 'after';
  /** Sent and answered while the fault was in progress (not merely held until it ended). */
  withinFault: boolean;
  outcome: Outcome;
}

interface GqlBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; retryable?: boolean } }>;
}

export async function post<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ body: GqlBody<T> | null; outcome: Outcome | null }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { body: null, outcome: { kind: 'hung' } };
    return {
      body: null,
      outcome: { kind: 'unreachable', message: String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message) },
    };
  }
  let text = '';
  try {
    text = await response.text();
    return { body: JSON.parse(text) as GqlBody<T>, outcome: null };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { body: null, outcome: { kind: 'hung' } };
    // A connection cut mid-answer (the API was killed) is unreachable, not malformed.
    if (!(error instanceof SyntaxError)) return { body: null, outcome: { kind: 'unreachable', message: (error as Error).message } };
    return { body: null, outcome: { kind: 'malformed', status: response.status, text: text.slice(0, 300) } };
  }
}

function outcomeOf(result: { body: GqlBody<Record<string, { id: string }>> | null; outcome: Outcome | null }, field: string): Outcome {
  if (result.outcome) return result.outcome;
  const body = result.body as GqlBody<Record<string, { id: string }>>;
  const id = body.data?.[field]?.id;
  if (id && !body.errors?.length) return { kind: 'accepted', id };
  if (body.errors?.length)
    return {
      kind: 'refused',
      codes: body.errors.map((error) => String(error.extensions?.code)),
      retryable: body.errors.every((error) => error.extensions?.retryable === true),
      messages: body.errors.map((error) => error.message),
    };
  return { kind: 'malformed', status: 200, text: JSON.stringify(body).slice(0, 300) };
}

export async function registerMembers(url: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await post<{ register: { token: string } }>(url, REGISTER, {
      input: { passphrase: `fault tolerance member ${i} ${Date.now()}` },
    });
    const token = result.body?.data?.register.token;
    if (!token) throw new Error(`register failed: ${JSON.stringify(result.body ?? result.outcome)}`);
    tokens.push(token);
  }
  return tokens;
}

export async function firstSpaceId(url: string): Promise<string> {
  const result = await post<{ spaces: Array<{ id: string }> }>(url, '{ spaces { id } }', {});
  const id = result.body?.data?.spaces[0]?.id;
  if (!id) throw new Error(`no space: ${JSON.stringify(result.body ?? result.outcome)}`);
  return id;
}

export interface BurstPlan {
  /** API URLs, used in turn. */
  urls: string[];
  tokens: string[];
  spaceId: string;
  /** A published thread that replies go to. */
  threadId: string;
  tag: string;
  total: number;
  concurrency: number;
  /** After this many submissions the fault starts (without waiting for it). */
  faultAt: number;
  /** From this submission on, sending waits until the fault is over. */
  resumeAt: number;
  fault: () => Promise<void>;
}

export interface BurstResult {
  submissions: Submission[];
  faultError: unknown;
}

/**
 * Sends `total` posts with `concurrency` in flight. The fault runs alongside: posts
 * between faultAt and resumeAt meet it; the rest wait for it to finish, so every burst
 * has posts before, during and after the fault.
 */
export async function runBurst(plan: BurstPlan): Promise<BurstResult> {
  const submissions: Submission[] = [];
  let next = 0;
  let faultDone: Promise<void> | null = null;
  let faultStarted = false;
  let faultOver = false;
  let faultError: unknown = null;

  const startFault = () => {
    faultStarted = true;
    faultDone ??= plan
      .fault()
      .then(
        () => undefined,
        (error: unknown) => {
          faultError = error;
        },
      )
      .finally(() => (faultOver = true));
    return faultDone;
  };

  const sendOne = async (index: number) => {
    if (index >= plan.faultAt) void startFault();
    if (index >= plan.resumeAt) await startFault();
    // Sent after the fault ended, or answered before it began; anything else met it.
    const sentAfter = faultOver;
    const sentDuring = faultStarted && !faultOver;
    const { body, expected } = bodyFor(index, plan.tag);
    const url = plan.urls[index % plan.urls.length];
    const token = plan.tokens[index % plan.tokens.length];
    const asReply = index % 3 === 1;
    const result = asReply
      ? await post<Record<string, { id: string }>>(url, REPLY, { input: { threadId: plan.threadId, body } }, token)
      : await post<Record<string, { id: string }>>(
          url,
          START_THREAD,
          { input: { spaceId: plan.spaceId, title: 'Checking in', body } },
          token,
        );
    const phase: Submission['phase'] = sentAfter ? 'after' : faultStarted ? 'during' : 'before';
    submissions.push({
      index,
      expected,
      phase,
      withinFault: sentDuring && !faultOver,
      outcome: outcomeOf(result, asReply ? 'reply' : 'startThread'),
    });
  };

  const lane = async () => {
    while (next < plan.total) {
      const index = next;
      next += 1;
      await sendOne(index);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  await startFault();
  return { submissions, faultError };
}
