import { calmText, firstSpaceId, START_THREAD, waitForScreened } from './support/forum';
import { startTestApp, TestApp } from './support/test-app';

/**
 * LOG_FORMAT=json against the real app: every line one JSON object, the lines a request
 * causes carrying the id its client got back in X-Request-Id, and nothing in them but ids
 * (no post's words, no pseudonym, passphrase or token).
 */

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token account { id member { pseudonym } } } }`;

interface LogLine {
  level: string;
  message: string;
  context?: string;
  pid: number;
  timestamp: number;
  requestId?: string;
}

describe('structured logs (LOG_FORMAT=json)', () => {
  let app: TestApp;
  const written: string[] = [];
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      const spy = jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
        written.push(String(chunk));
        return original(chunk, ...rest);
      }) as typeof stream.write);
      restore.push(() => spy.mockRestore());
    }
    app = await startTestApp({ env: { LOG_FORMAT: 'json', LOG_LEVEL: 'log' } });
  });
  afterAll(async () => {
    await app.close();
    for (const undo of restore) undo();
  });

  function lines(): LogLine[] {
    return written
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  }

  async function register(
    requestId?: string,
  ): Promise<{ requestIdSent: string; accountId: string; pseudonym: string; token: string; passphrase: string }> {
    const passphrase = `correct horse logging ${Math.random().toString(36).slice(2)}`;
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(requestId !== undefined ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify({ query: REGISTER, variables: { input: { passphrase } } }),
    });
    const body = (await response.json()) as {
      data: { register: { token: string; account: { id: string; member: { pseudonym: string } } } };
    };
    return {
      requestIdSent: response.headers.get('x-request-id') as string,
      accountId: body.data.register.account.id,
      pseudonym: body.data.register.account.member.pseudonym,
      token: body.data.register.token,
      passphrase,
    };
  }

  it('writes every line as one JSON object with level, time, context and pid', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(0);
    for (const line of all) {
      expect(line).toEqual(expect.objectContaining({ level: expect.any(String), pid: process.pid, timestamp: expect.any(Number) }));
    }
  });

  it("keeps a proxy's safe X-Request-Id, echoes it, and puts it on the lines the request wrote", async () => {
    const member = await register('edge-logging-0001');
    expect(member.requestIdSent).toBe('edge-logging-0001');
    const line = lines().find((entry) => entry.message === `account ${member.accountId} registered`);
    expect(line).toMatchObject({ level: 'log', context: 'AccountsService', requestId: 'edge-logging-0001' });
  });

  it('replaces an unsafe or missing X-Request-Id with its own, and logs under that', async () => {
    for (const given of ['not safe: has spaces', undefined]) {
      const member = await register(given);
      expect(member.requestIdSent).toMatch(/^[0-9a-f-]{36}$/);
      const line = lines().find((entry) => entry.message === `account ${member.accountId} registered`);
      expect(line?.requestId).toBe(member.requestIdSent);
    }
  });

  it('answers every request with its id, the web client and 404s included', async () => {
    for (const path of ['/health', '/no-such-thing.txt']) {
      expect((await fetch(`${app.baseUrl}${path}`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("logs ids only: never a post's words, a pseudonym, a passphrase or a token; a job's lines name no request", async () => {
    const member = await register();
    const body = calmText('logging-spec-words');
    const title = 'Quiet morning by the lake';
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
      body: JSON.stringify({ query: START_THREAD, variables: { input: { spaceId: await firstSpaceId(app), title, body } } }),
    });
    const postId = ((await response.json()) as { data: { startThread: { id: string } } }).data.startThread.id;
    expect(await waitForScreened(app, member.token, postId)).toBe('PUBLISHED');

    const screened = lines().find((entry) => entry.message.startsWith(`post ${postId} revision 1 screened`));
    expect(screened).toBeDefined();
    expect(screened?.requestId).toBeUndefined();

    const text = written.join('');
    for (const secret of [body, 'logging-spec-words', title, member.pseudonym, member.passphrase, member.token]) {
      expect(text).not.toContain(secret);
    }
  });
});
