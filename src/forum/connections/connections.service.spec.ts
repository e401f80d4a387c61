import { fakeForum, member, testConfig } from '../../../test/support/forum-fakes';
import { PostStatus } from '../post-status';
import type { ConnectionsRepository, ConnectionTable } from './connections.repository';
import { ConnectionsService } from './connections.service';

/** The connection tables as sets of `owner/target` pairs. */
class FakeConnections {
  readonly pairs = new Set<string>();
  readonly members = new Set<string>();

  add(table: ConnectionTable, owner: string, target: string): Promise<void> {
    this.pairs.add(`${table}:${owner}/${target}`);
    return Promise.resolve();
  }

  remove(table: ConnectionTable, owner: string, target: string): Promise<boolean> {
    return Promise.resolve(this.pairs.delete(`${table}:${owner}/${target}`));
  }

  count(table: ConnectionTable, owner: string): Promise<number> {
    return Promise.resolve([...this.pairs].filter((pair) => pair.startsWith(`${table}:${owner}/`)).length);
  }

  whichOf(table: ConnectionTable, owner: string, targets: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(targets.filter((target) => this.pairs.has(`${table}:${owner}/${target}`))));
  }

  memberExists(id: string): Promise<boolean> {
    return Promise.resolve(this.members.has(id));
  }
}

function setUp(limits: { blocksMax?: number; connectionsMax?: number } = {}) {
  const forum = fakeForum();
  const connections = new FakeConnections();
  const service = new ConnectionsService(
    connections as unknown as ConnectionsRepository,
    forum.repositories.posts,
    forum.repositories.spaces,
    testConfig({ limits }),
  );
  const author = member();
  const space = forum.db.addSpace('recovery');
  const thread = forum.db.addThread(space, author.accountId);
  connections.members.add(author.accountId);
  return { forum, connections, service, author, space, thread };
}

describe('ConnectionsService', () => {
  it('follows a visible thread once however often asked, and unfollows it once', async () => {
    const { service, connections, thread } = setUp();
    const reader = member();
    await service.followThread(reader, thread.id);
    await service.followThread(reader, thread.id);
    expect(await connections.count('thread_follow', reader.accountId)).toBe(1);
    expect(await service.unfollowThread(reader, thread.id)).toBe(true);
    expect(await service.unfollowThread(reader, thread.id)).toBe(false);
    // An old notification's "Stop following" with a made-up id is a quiet no-op.
    expect(await service.unfollowThread(reader, 'not-an-id')).toBe(false);
  });

  it('will not follow, mute or bookmark what the member cannot see (a held thread, a blocked author)', async () => {
    const { service, forum, space, thread, author } = setUp();
    const held = forum.db.addThread(space, author.accountId, { status: PostStatus.HELD });
    const reader = member();
    await expect(service.followThread(reader, held.id)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
    await expect(service.muteThread(reader, held.id)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
    await expect(service.bookmarkPost(reader, held.id)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
    const blocking = { ...reader, hiddenAuthorIds: [author.accountId] };
    await expect(service.followThread(blocking, thread.id)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
    await expect(service.bookmarkPost(blocking, thread.id)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
  });

  it('bookmarks a reply only while its thread is visible too', async () => {
    const { service, forum, space, author } = setUp();
    const removed = forum.db.addThread(space, author.accountId, { status: PostStatus.REMOVED });
    const reply = forum.db.addReply(removed, member().accountId);
    await expect(service.bookmarkPost(member(), reply.id)).rejects.toMatchObject({ reason: 'POST_NOT_FOUND' });
  });

  it('refuses blocking yourself as bad input and an unknown member as not found', async () => {
    const { service, author } = setUp();
    await expect(service.blockMember(author, author.accountId)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.blockMember(author, '00000000-0000-4000-8000-000000000009')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('blocks up to the configured number of members, then says the list is full', async () => {
    const { service, connections, author } = setUp({ blocksMax: 1 });
    const other = member();
    const third = member();
    connections.members.add(other.accountId);
    connections.members.add(third.accountId);
    expect(await service.blockMember(author, other.accountId)).toBe(true);
    // Blocking the same member again is not a second block and does not hit the limit.
    expect(await service.blockMember(author, other.accountId)).toBe(true);
    await expect(service.blockMember(author, third.accountId)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await service.unblockMember(author, other.accountId)).toBe(true);
    expect(await service.blockMember(author, third.accountId)).toBe(true);
  });

  it('mutes a space that exists and answers SPACE_NOT_FOUND for one that does not', async () => {
    const { service, connections, space } = setUp();
    const reader = member();
    await service.muteSpace(reader, space.id);
    expect(await connections.whichOf('space_mute', reader.accountId, [space.id])).toEqual(new Set([space.id]));
    await expect(service.muteSpace(reader, '00000000-0000-4000-8000-000000000009')).rejects.toMatchObject({ reason: 'SPACE_NOT_FOUND' });
    expect(await service.unmuteSpace(reader, space.id)).toBe(true);
  });
});
