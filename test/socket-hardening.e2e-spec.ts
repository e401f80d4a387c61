import { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { firstSpaceIdInDb, insertThread } from './support/forum';
import { registerMember, setRole, TestMember } from './support/members';
import { openSocket, runOnSocket } from './support/socket';
import { startTestApp, TestApp } from './support/test-app';

/**
 * graphql-ws is a second door into the API: it must check who is asking on every operation,
 * read fresh data on every operation, and refuse pages from other sites and oversized messages.
 */

const SANCTION = `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`;
const ME = '{ me { id } }';

/** The HTTP status of a WebSocket upgrade to the app: 101 when the socket opens. */
function upgradeStatus(wsUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (request, response) => {
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
    socket.on('error', reject);
  });
}

/** A raw graphql-transport-ws connection, acknowledged, with every message it receives. */
async function rawConnection(
  wsUrl: string,
): Promise<{ socket: WebSocket; messages: Array<{ type: string; id?: string }>; closed: Promise<number> }> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: Array<{ type: string; id?: string }> = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; id?: string };
      messages.push(message);
      if (message.type === 'connection_ack') resolve();
    });
    socket.on('error', reject);
    void closed.then((code) => reject(new Error(`closed before ack: ${code}`)));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await acknowledged;
  return { socket, messages, closed };
}

describe('graphql-ws sockets', () => {
  let app: TestApp;
  let wsUrl: string;
  let moderator: TestMember;
  let space: string;
  const sockets: Client[] = [];

  function socketFor(token: string | null): Client {
    const socket = openSocket(app.url, token);
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off' } });
    wsUrl = app.url.replace(/^http/, 'ws');
    moderator = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    space = await firstSpaceIdInDb(app);
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.dispose();
    await app?.close();
  });

  describe('check the session on every operation, not once at connection', () => {
    it('a sign-out ends what an open socket may do', async () => {
      const member = await registerMember(app);
      const socket = socketFor(member.token);
      expect((await runOnSocket(socket, ME)).data).toEqual({ me: { id: member.accountId } });
      expect((await app.gql('mutation { signOut }', {}, member.token)).data).toEqual({ signOut: true });
      expect((await runOnSocket(socket, ME)).data).toEqual({ me: null });
    });

    it('a ban ends what an open socket may do', async () => {
      const member = await registerMember(app);
      const socket = socketFor(member.token);
      expect((await runOnSocket(socket, ME)).data).toEqual({ me: { id: member.accountId } });
      const banned = await app.gql(
        SANCTION,
        { input: { memberId: member.accountId, sanction: 'BAN', reason: 'Selling pills.' } },
        moderator.token,
      );
      expect(banned.errors).toBeUndefined();
      expect((await runOnSocket(socket, ME)).data).toEqual({ me: null });
    });

    it('a suspension stops posting from an open socket', async () => {
      const member = await registerMember(app);
      const socket = socketFor(member.token);
      const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
      const input = { spaceId: space, title: 'Evening', body: 'Made it through another day.' };
      expect((await runOnSocket(socket, START, { input })).errors).toBeUndefined();
      const suspended = await app.gql(
        SANCTION,
        { input: { memberId: member.accountId, sanction: 'SUSPEND', days: 3, reason: 'Cool off.' } },
        moderator.token,
      );
      expect(suspended.errors).toBeUndefined();
      const refused = await runOnSocket(socket, START, { input });
      expect(refused.errors?.[0].extensions?.code).toBe('SUSPENDED');
    });

    it('a lost role ends moderator queries on an open socket', async () => {
      const demoted = await registerMember(app);
      await setRole(app, demoted.accountId, 'MODERATOR');
      const socket = socketFor(demoted.token);
      expect((await runOnSocket(socket, '{ moderationStats { open } }')).errors).toBeUndefined();
      await setRole(app, demoted.accountId, 'MEMBER');
      const refused = await runOnSocket(socket, '{ moderationStats { open } }');
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('reads fresh data on every operation: a post removed after the socket read it is not served as PUBLISHED', async () => {
    const author = await registerMember(app);
    const reporter = await registerMember(app);
    const postId = await insertThread(app, space, author.accountId);
    expect(
      (await app.gql(`mutation R($input: ReportInput!) { report(input: $input) }`, { input: { postId, reason: 'OTHER' } }, reporter.token))
        .errors,
    ).toBeUndefined();
    const [{ id: caseId }]: Array<{ id: string }> = await app.dataSource.query('SELECT id FROM moderation_case WHERE post_id = $1', [
      postId,
    ]);
    const socket = socketFor(moderator.token);
    const CASE = `query($id: ID!) { moderationCase(id: $id) { post { id status } } }`;
    expect((await runOnSocket(socket, CASE, { id: caseId })).data).toEqual({
      moderationCase: { post: { id: postId, status: 'PUBLISHED' } },
    });
    await app.dataSource.query(`UPDATE post SET status = 'REMOVED' WHERE id = $1`, [postId]);
    expect((await runOnSocket(socket, CASE, { id: caseId })).data).toEqual({ moderationCase: { post: { id: postId, status: 'REMOVED' } } });
  });

  it('closes a socket that sends a message over WS_MAX_PAYLOAD_BYTES (8 MiB sent, 64 KiB allowed), and serves one under it', async () => {
    const { socket, messages, closed } = await rawConnection(wsUrl);
    socket.send(
      JSON.stringify({
        type: 'subscribe',
        id: 'small',
        payload: { query: '{ crisisResources { name } }', variables: { pad: 'x'.repeat(60 * 1024) } },
      }),
    );
    await new Promise<void>((resolve) => {
      const check = (): void =>
        messages.some((message) => message.id === 'small' && message.type === 'next') ? resolve() : void setTimeout(check, 20);
      check();
    });
    socket.send(
      JSON.stringify({
        type: 'subscribe',
        id: 'big',
        payload: { query: '{ crisisResources { name } }', variables: { pad: 'x'.repeat(8 * 1024 * 1024) } },
      }),
    );
    expect(await closed).toBe(1009);
    expect(messages.some((message) => message.id === 'big')).toBe(false);
  });

  describe('refuse browser pages from other origins at the upgrade', () => {
    it('refuses a foreign Origin with 403', async () => {
      expect(await upgradeStatus(wsUrl, { origin: 'https://evil.example' })).toBe(403);
      expect(await upgradeStatus(wsUrl, { origin: 'null' })).toBe(403);
    });

    it("accepts the server's own origin and clients that send no Origin", async () => {
      expect(await upgradeStatus(wsUrl, { origin: app.baseUrl })).toBe(101);
      expect(await upgradeStatus(wsUrl, {})).toBe(101);
    });

    it('serves no socket on other paths', async () => {
      expect(await upgradeStatus(wsUrl.replace(/\/graphql$/, '/elsewhere'), {})).toBe(404);
    });
  });
});

describe('graphql-ws with ALLOWED_ORIGINS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WORKERS: 'off', ALLOWED_ORIGINS: 'https://app.example, https://admin.example:8443' } });
  });
  afterAll(() => app?.close());

  it('accepts exactly the listed origins', async () => {
    const wsUrl = app.url.replace(/^http/, 'ws');
    expect(await upgradeStatus(wsUrl, { origin: 'https://app.example' })).toBe(101);
    expect(await upgradeStatus(wsUrl, { origin: 'https://admin.example:8443' })).toBe(101);
    expect(await upgradeStatus(wsUrl, { origin: 'http://app.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl, { origin: 'https://evil.example' })).toBe(403);
  });
});
