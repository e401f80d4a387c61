import { Role } from '../common/auth/role';
import { encodeCursor } from '../common/pagination/cursor';
import { loadConfig } from '../config/config';
import { CasePriority, CaseStatus } from './case-vocabulary';
import { ModerationQueueService } from './moderation-queue.service';
import type { QueuePageQuery, QueueRow } from './repositories/moderation-cases.repository';
import { FixedClock, InMemoryCases, InMemoryMembers } from '../../test/support/moderation-fakes';

/**
 * The queue's order and filters are SQL (the e2e suite checks them against Postgres); here,
 * what the service adds: page sizes, cursors that continue where a page ended, and who may
 * watch the queue.
 */
class QueueRowsInOrder extends InMemoryCases {
  readonly queries: QueuePageQuery[] = [];

  override async queuePage(query: QueuePageQuery): Promise<QueueRow[]> {
    this.queries.push(query);
    const keyOf = (row: QueueRow) => [row.entity.priorityRank, row.timeKey, row.entity.id].join('|');
    const rows = [...this.cases.values()]
      .map((entity) => ({ entity, timeKey: entity.createdAt.toISOString().replace('Z', '000Z') }))
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    const after = query.after;
    const start = after === null ? 0 : rows.findIndex((row) => row.entity.id === after.id) + 1;
    return rows.slice(start, start + query.limit);
  }
}

function setUp() {
  const clock = new FixedClock();
  const cases = new QueueRowsInOrder(clock);
  const members = new InMemoryMembers();
  const service = new ModerationQueueService(cases, members, loadConfig({ PAGE_SIZE_MAX: '50' }));
  return { clock, cases, members, service };
}

describe('ModerationQueueService', () => {
  it('pages through the queue: the next page starts after the last case of the previous one', async () => {
    const { clock, cases, service } = setUp();
    const seeded = [CasePriority.LOW, CasePriority.URGENT, CasePriority.HIGH].map((priority) => {
      clock.advanceMinutes(1);
      return cases.seed({ priority });
    });

    const first = await service.queue({ first: 2 });
    expect(first.edges.map((edge) => edge.node.priority)).toEqual([CasePriority.URGENT, CasePriority.HIGH]);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const second = await service.queue({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual([seeded[0].id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(cases.queries[1].after).toEqual({ rank: 1, time: expect.stringMatching(/\.\d{6}Z$/), id: seeded[2].id });
  });

  it('asks for one row more than the page to know whether there is a next page, and passes the filters on', async () => {
    const { cases, service } = setUp();
    await service.queue({ first: 5, status: CaseStatus.CLAIMED, priority: CasePriority.HIGH });
    expect(cases.queries).toEqual([{ status: CaseStatus.CLAIMED, priority: CasePriority.HIGH, after: null, limit: 6 }]);
  });

  it('refuses a page size over PAGE_SIZE_MAX or below 1 (PAGE_SIZE) and a forged or foreign cursor (INVALID_CURSOR)', async () => {
    const { service } = setUp();
    await expect(service.queue({ first: 51 })).rejects.toMatchObject({ reason: 'PAGE_SIZE' });
    await expect(service.queue({ first: 0 })).rejects.toMatchObject({ reason: 'PAGE_SIZE' });
    await expect(service.queue({ after: 'not-a-cursor' })).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    // A well-sealed cursor from another list (one time key, no priority rank) is not a queue cursor.
    await expect(
      service.queue({ after: encodeCursor({ k: ['2026-11-30T09:00:00.000000Z'], id: '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f' }) }),
    ).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    await expect(
      service.queue({ after: encodeCursor({ k: [9, '2026-11-30T09:00:00.000000Z'], id: '6f1c1a4e-4b7e-4a53-9f0e-1d2c3b4a5e6f' }) }),
    ).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
  });

  it('finds no case for an id that is not a uuid', async () => {
    const { cases, service } = setUp();
    const open = cases.seed();
    await expect(service.findCase(open.id)).resolves.toMatchObject({ id: open.id });
    await expect(service.findCase('case-1')).resolves.toBeNull();
  });

  it('lets only a live moderator or admin session watch the queue', async () => {
    const { members, service } = setUp();
    members.sessions.set('moderator-session', Role.MODERATOR);
    members.sessions.set('admin-session', Role.ADMIN);
    members.sessions.set('member-session', Role.MEMBER);

    await expect(service.sessionMayModerate('moderator-session')).resolves.toBe(true);
    await expect(service.sessionMayModerate('admin-session')).resolves.toBe(true);
    await expect(service.sessionMayModerate('member-session')).resolves.toBe(false);
    await expect(service.sessionMayModerate('revoked-or-banned-session')).resolves.toBe(false);
  });
});

describe('ModerationQueueService.stats', () => {
  class WindowsAsked extends QueueRowsInOrder {
    readonly windows: number[] = [];

    override async totals(windowSeconds: number) {
      this.windows.push(windowSeconds);
      return { open: 0, urgentOpen: 0, oldestOpenAt: null, medianSecondsToDecision: null };
    }

    override async reviewTimes(windowSeconds: number) {
      this.windows.push(windowSeconds);
      return [];
    }
  }

  function statsService(env: Record<string, string> = {}) {
    const cases = new WindowsAsked(new FixedClock());
    return { cases, service: new ModerationQueueService(cases, new InMemoryMembers(), loadConfig(env)) };
  }

  it('covers the last week unless asked for another window, in hours', async () => {
    const { cases, service } = statsService();
    expect((await service.stats()).windowHours).toBe(168);
    expect((await service.stats(24)).windowHours).toBe(24);
    expect(cases.windows).toEqual([168 * 3600, 168 * 3600, 24 * 3600, 24 * 3600]);
  });

  it('refuses a window under an hour or past MODERATION_STATS_WINDOW_HOURS_MAX as bad input, before any query', async () => {
    const { cases, service } = statsService({ MODERATION_STATS_WINDOW_HOURS_MAX: '48' });
    for (const hours of [0, -1, 49]) {
      await expect(service.stats(hours)).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
    }
    expect(cases.windows).toEqual([]);
  });
});
