import type { DataSource } from 'typeorm';
import { CheckInClock } from '../checkins/check-in-clock';
import type { CheckInEntity } from '../checkins/check-in.entity';
import { CheckInsService } from '../checkins/check-ins.service';
import type { CheckInsRepository, NewCheckIn } from '../checkins/repositories/check-ins.repository';
import { Role } from '../common/auth/role';
import type { Viewer } from '../common/auth/viewer';
import { loadConfig } from '../config/config';
import { ForumError } from '../forum/forum.errors';
import type { RepliesService } from '../forum/replies.service';
import type { NewPost, PostsRepository } from '../forum/repositories/posts.repository';
import type { SpacesRepository } from '../forum/repositories/spaces.repository';
import type { ThreadsRepository } from '../forum/repositories/threads.repository';
import type { ScreeningQueueService } from '../screening/screening-queue.service';
import type { AccountRecordService } from '../accounts/account-record.service';
import { CheckInWorkflow } from './check-in.workflow';

function viewer(accountId: string): Viewer {
  return { accountId, sessionId: `session-${accountId}`, role: Role.MEMBER, suspendedUntil: null };
}

/** The workflow over fakes that keep rows in memory and log what reaches the database and the queue, in order. */
function setup(options: { refuseShare?: boolean } = {}) {
  const events: string[] = [];
  const days = new Map<string, string>();
  const rows: CheckInEntity[] = [];
  let postCount = 0;
  const manager = {
    query: (_sql: string, params: unknown[]) => {
      events.push(`lock day ${String(params[1])}`);
      return Promise.resolve([]);
    },
  };
  const dataSource = {
    manager,
    transaction: async <T>(work: (used: typeof manager) => Promise<T>) => {
      const result = await work(manager);
      events.push('commit');
      return result;
    },
  } as unknown as DataSource;
  const clock = new CheckInClock();
  clock.now = () => new Date('2026-12-07T03:30:00Z');
  const checkInRows = {
    findByAccountDay: (accountId: string, localDate: string) =>
      Promise.resolve(rows.find((row) => row.accountId === accountId && row.localDate === localDate) ?? null),
    insert: (_used: unknown, row: NewCheckIn) => {
      if (rows.some((other) => other.accountId === row.accountId && other.localDate === row.localDate)) return Promise.resolve(undefined);
      const entity = { ...row, id: `check-in-${rows.length + 1}`, sharedPostId: null, createdAt: new Date() } as CheckInEntity;
      rows.push(entity);
      return Promise.resolve(entity);
    },
    findDay: (_used: unknown, day: string) => Promise.resolve(days.has(day) ? { day, threadId: days.get(day) as string } : null),
    insertDay: (_used: unknown, day: string, threadId: string) => {
      days.set(day, threadId);
      return Promise.resolve();
    },
    setSharedPost: (id: string, sharedPostId: string) => {
      events.push(`${id} shared as ${sharedPostId}`);
      return Promise.resolve();
    },
  } as unknown as CheckInsRepository;
  const posts = {
    insert: (_used: unknown, post: NewPost) => {
      postCount += 1;
      events.push(`insert ${post.kind} ${post.status}`);
      return Promise.resolve({ ...post, id: post.id ?? `post-${postCount}`, revision: 1 });
    },
    update: () => Promise.resolve(),
  } as unknown as PostsRepository;
  const threads = { insert: () => Promise.resolve() } as unknown as ThreadsRepository;
  const spaces = { findBySlug: () => Promise.resolve({ id: 'space-check-ins' }) } as unknown as SpacesRepository;
  const replies = {
    reply: (_viewer: Viewer, command: { threadId: string; body: string }) => {
      if (options.refuseShare) return Promise.reject(new ForumError('RATE_LIMITED', 'Please take a short break.'));
      events.push(`reply in ${days.size} thread(s): ${command.body.split('\n').join(' / ')}`);
      return Promise.resolve({ id: 'reply-1' });
    },
  } as unknown as RepliesService;
  const queue = {
    enqueuePost: (postId: string) => {
      events.push(`enqueue ${postId}`);
      return Promise.resolve(true);
    },
  } as unknown as ScreeningQueueService;
  const service = new CheckInsService(checkInRows, clock, loadConfig({}));
  const accounts = { timeZoneOf: () => Promise.resolve('Asia/Tokyo') } as unknown as AccountRecordService;
  const workflow = new CheckInWorkflow(dataSource, service, checkInRows, posts, threads, spaces, replies, queue, accounts);
  return { workflow, events, days };
}

const PLAIN = { mood: 2, intention: 'Call my sponsor', note: 'Rough night', timeZone: 'America/Chicago', share: false, shareNote: false };

describe('CheckInWorkflow', () => {
  it("opens the day's thread once, commits the check-in with its PENDING private post, and queues screening after the commit", async () => {
    const { workflow, events, days } = setup();
    const first = await workflow.checkIn(viewer('a'), PLAIN);
    await workflow.checkIn(viewer('b'), PLAIN);

    expect(first).toMatchObject({ localDate: '2026-12-06', postId: expect.any(String), sharedPostId: null });
    expect([...days.keys()]).toEqual(['2026-12-07']);
    expect(events.filter((event) => event === 'insert THREAD PUBLISHED')).toHaveLength(1);
    expect(events.slice(events.indexOf('insert CHECK_IN PENDING'))).toEqual([
      'insert CHECK_IN PENDING',
      'commit',
      `enqueue ${first.postId}`,
      'insert CHECK_IN PENDING',
      'commit',
      expect.stringMatching(/^enqueue /),
    ]);
  });

  it("counts the day in the member's saved time zone when the request names none", async () => {
    const { workflow } = setup();
    const made = await workflow.checkIn(viewer('a'), { ...PLAIN, timeZone: null });
    expect(made).toMatchObject({ localDate: '2026-12-07', timeZone: 'Asia/Tokyo' });
  });

  it('refuses a second check-in on the same local day as CONFLICT', async () => {
    const { workflow, events } = setup();
    await workflow.checkIn(viewer('a'), PLAIN);
    const queued = events.filter((event) => event.startsWith('enqueue')).length;
    await expect(workflow.checkIn(viewer('a'), { ...PLAIN, mood: 4 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(events.filter((event) => event.startsWith('enqueue')).length).toBe(queued);
  });

  it('shares mood and intention, and the note only when asked', async () => {
    const { workflow, events } = setup();
    const shared = await workflow.checkIn(viewer('a'), { ...PLAIN, share: true });
    expect(shared.sharedPostId).toBe('reply-1');
    expect(events).toContain('reply in 1 thread(s): Today feels: Hard. / My intention: Call my sponsor');
    await workflow.checkIn(viewer('b'), { ...PLAIN, share: true, shareNote: true });
    expect(events.some((event) => event.startsWith('reply') && event.includes('Rough night'))).toBe(true);
  });

  it('keeps the check-in when the share is refused', async () => {
    const { workflow } = setup({ refuseShare: true });
    const kept = await workflow.checkIn(viewer('a'), { ...PLAIN, share: true });
    expect(kept).toMatchObject({ id: 'check-in-1', sharedPostId: null });
  });
});
