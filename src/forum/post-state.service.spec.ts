import { fakeForum, member } from '../../test/support/forum-fakes';
import { IllegalTransitionError } from './post-state.service';
import { PostStatus } from './post-status';

function withPendingThread() {
  const forum = fakeForum();
  const thread = forum.db.addThread(forum.db.addSpace('recovery'), member().accountId, {
    status: PostStatus.PENDING,
    lastActivityAt: new Date('2026-11-01T10:00:00Z'),
  });
  return { forum, thread };
}

describe('PostStateService', () => {
  it('publishing stamps publishedAt, moves the thread up the feed and is audited, all in the caller’s transaction', async () => {
    const { forum, thread } = withPendingThread();
    const published = await forum.db.dataSource.transaction((manager) =>
      forum.postState.transition(manager, forum.db.post(thread.id), PostStatus.PUBLISHED, { action: 'SCREENED_PUBLISH' }),
    );

    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(forum.db.post(thread.id)).toMatchObject({ status: PostStatus.PUBLISHED, publishedAt: published.publishedAt });
    expect(forum.db.threads.get(thread.id)?.lastActivityAt).toEqual(published.publishedAt);
    expect(forum.db.audit).toEqual([
      { action: 'SCREENED_PUBLISH', postId: thread.id, caseId: null, moderatorId: null, note: null, internalNote: null },
    ]);
  });

  it('keeps the first publication time when an edited post is published again', async () => {
    const { forum, thread } = withPendingThread();
    const firstPublished = new Date('2026-11-02T10:00:00Z');
    Object.assign(forum.db.post(thread.id), { publishedAt: firstPublished });
    await forum.db.dataSource.transaction((manager) =>
      forum.postState.transition(manager, forum.db.post(thread.id), PostStatus.PUBLISHED, { action: 'APPROVE', moderatorId: 'mod-1' }),
    );

    expect(forum.db.post(thread.id).publishedAt).toEqual(firstPublished);
    expect(forum.db.audit).toEqual([expect.objectContaining({ action: 'APPROVE', moderatorId: 'mod-1' })]);
  });

  it('refuses a move the lifecycle does not allow, changing nothing and auditing nothing', async () => {
    const { forum, thread } = withPendingThread();
    Object.assign(forum.db.post(thread.id), { status: PostStatus.REJECTED });
    await expect(
      forum.db.dataSource.transaction((manager) =>
        forum.postState.transition(manager, forum.db.post(thread.id), PostStatus.PUBLISHED, { action: 'APPROVE' }),
      ),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(forum.db.post(thread.id).status).toBe(PostStatus.REJECTED);
    expect(forum.db.audit).toEqual([]);
  });

  it('does not touch the thread’s activity when a post is held or removed', async () => {
    const { forum, thread } = withPendingThread();
    await forum.db.dataSource.transaction((manager) =>
      forum.postState.transition(manager, forum.db.post(thread.id), PostStatus.HELD, { action: 'SCREENED_HOLD' }),
    );
    expect(forum.db.post(thread.id)).toMatchObject({ status: PostStatus.HELD, publishedAt: null });
    expect(forum.db.threads.get(thread.id)?.lastActivityAt).toEqual(new Date('2026-11-01T10:00:00Z'));
  });
});
