import { registerMember, TestMember } from './support/members';
import { startThread, waitForScreened } from './support/forum';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

const INBOX = `query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
  me { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    unreadCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind message read post { id status } } }
  } }
}`;
const MARK_READ = `mutation Mark($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const REPLY = `mutation Reply($input: ReplyInput!) { reply(input: $input) { id status } }`;

interface Inbox {
  me: {
    notifications: {
      unreadCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: { id: string; kind: string; message: string; read: boolean; post: { id: string } | null } }>;
    };
  };
}

describe('notifications', () => {
  let app: TestApp;
  let author: TestMember;
  let replier: TestMember;
  let threadId: string;

  beforeAll(async () => {
    app = await startTestApp();
    author = await registerMember(app);
    replier = await registerMember(app);
    threadId = (
      await startThread(app, author.token, 'Six months today. Coffee with my sponsor, then a long walk by the river.', 'Six months')
    ).id;
    expect(await waitForScreened(app, author.token, threadId)).toBe('PUBLISHED');
  });
  afterAll(() => app.close());

  it('tells the thread author about a published reply, and never the replier about their own', async () => {
    const reply = await app.gql<{ reply: { id: string } }>(
      REPLY,
      { input: { threadId, body: 'So glad for you. Six months is huge.' } },
      replier.token,
    );
    expect(reply.errors).toBeUndefined();
    const inbox = await waitFor(async () => {
      const response = await app.gql<Inbox>(INBOX, { first: 20 }, author.token);
      const kinds = response.data?.me.notifications.edges.map((edge) => edge.node.kind) ?? [];
      return kinds.includes('NEW_REPLY') ? response.data : null;
    });
    const newReply = inbox?.me.notifications.edges.find((edge) => edge.node.kind === 'NEW_REPLY');
    expect(newReply?.node.post?.id).toBe(reply.data?.reply.id);

    const replierInbox = await waitFor(async () => {
      const response = await app.gql<Inbox>(INBOX, { first: 20 }, replier.token);
      return response.data?.me.notifications.edges.some((edge) => edge.node.kind === 'POST_PUBLISHED') ? response.data : null;
    });
    expect(replierInbox.me.notifications.edges.map((edge) => edge.node.kind)).not.toContain('NEW_REPLY');
  });

  it('counts unread, filters unread only, and marks some or all read', async () => {
    const before = (await app.gql<Inbox>(INBOX, { first: 20 }, author.token)).data?.me.notifications;
    expect(before?.unreadCount).toBe(before?.edges.length);
    expect(before?.unreadCount).toBeGreaterThanOrEqual(2);

    const first = before?.edges[0].node.id as string;
    expect((await app.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: [first] }, author.token)).data?.markNotificationsRead).toBe(
      1,
    );
    // Marking it again changes nothing; someone else's ids change nothing either.
    expect((await app.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: [first] }, author.token)).data?.markNotificationsRead).toBe(
      0,
    );
    expect((await app.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: [first] }, replier.token)).data?.markNotificationsRead).toBe(
      0,
    );

    const unread = (await app.gql<Inbox>(INBOX, { first: 20, unreadOnly: true }, author.token)).data?.me.notifications;
    expect(unread?.edges.map((edge) => edge.node.id)).not.toContain(first);
    expect(unread?.unreadCount).toBe((before?.unreadCount ?? 0) - 1);

    const all = (await app.gql<{ markNotificationsRead: number }>(MARK_READ, {}, author.token)).data?.markNotificationsRead;
    expect(all).toBe((before?.unreadCount ?? 0) - 1);
    expect((await app.gql<Inbox>(INBOX, { first: 20 }, author.token)).data?.me.notifications.unreadCount).toBe(0);
  });

  it('pages through the inbox newest first without duplicates or gaps', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: { data?: Inbox } = await app.gql<Inbox>(INBOX, { first: 1, after }, author.token);
      const connection = response.data?.me.notifications;
      ids.push(...(connection?.edges.map((edge) => edge.node.id) ?? []));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const whole = (await app.gql<Inbox>(INBOX, { first: 50 }, author.token)).data?.me.notifications.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(whole);
  });

  it('refuses signed-out callers and malformed ids with contract codes', async () => {
    expect((await app.gql(MARK_READ, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.gql(MARK_READ, { ids: ['not-an-id'] }, author.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(INBOX, { first: 0 }, author.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
