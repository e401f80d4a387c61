import { ThreadLockService } from './thread-lock.service';
import { InMemoryForum, OfflineTransactions, RecordedAudit, viewer } from '../../test/support/moderation-fakes';
import { PostKind } from '../forum/post-status';

function setUp() {
  const forum = new InMemoryForum();
  const audit = new RecordedAudit();
  return { forum, audit, service: new ThreadLockService(new OfflineTransactions(), forum, audit) };
}

describe('ThreadLockService', () => {
  it('locks a thread, records who did, and returns its opening post', async () => {
    const { forum, audit, service } = setUp();
    const opening = forum.seedPost();
    const moderator = viewer();

    await expect(service.setLocked(moderator, opening.id, true)).resolves.toMatchObject({ id: opening.id, kind: PostKind.THREAD });
    expect(forum.threads.get(opening.id)?.locked).toBe(true);
    expect(audit.entries).toEqual([expect.objectContaining({ action: 'LOCK', postId: opening.id, moderatorId: moderator.accountId })]);
  });

  it('unlocks a locked thread (UNLOCK), and locking twice records nothing the second time', async () => {
    const { forum, audit, service } = setUp();
    const opening = forum.seedPost();
    await service.setLocked(viewer(), opening.id, true);
    await service.setLocked(viewer(), opening.id, true);
    await service.setLocked(viewer(), opening.id, false);

    expect(forum.threads.get(opening.id)?.locked).toBe(false);
    expect(audit.actions()).toEqual(['LOCK', 'UNLOCK']);
  });

  it('answers THREAD_NOT_FOUND for a reply’s id, an unknown id and a malformed one', async () => {
    const { forum, service } = setUp();
    const opening = forum.seedPost();
    const reply = forum.seedPost({ kind: PostKind.REPLY, threadId: opening.id });

    await expect(service.setLocked(viewer(), reply.id, true)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
    await expect(service.setLocked(viewer(), '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f', true)).rejects.toMatchObject({
      reason: 'THREAD_NOT_FOUND',
    });
    await expect(service.setLocked(viewer(), 'thread-1', true)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
  });
});
