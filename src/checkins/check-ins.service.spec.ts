import { loadConfig } from '../config/config';
import { CheckInClock } from './check-in-clock';
import type { CheckInEntity } from './check-in.entity';
import { CheckInsService, privateBody, sharedBody } from './check-ins.service';
import type { CheckInsRepository } from './repositories/check-ins.repository';

function service(now: string, pages: Array<{ accountId: string; size: number }> = []) {
  const clock = new CheckInClock();
  clock.now = () => new Date(now);
  const repository = {
    pageByAccount: (accountId: string, _cursor: unknown, size: number) => {
      pages.push({ accountId, size });
      return Promise.resolve({
        edges: [] as Array<{ cursor: string; node: CheckInEntity }>,
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    },
  } as unknown as CheckInsRepository;
  const config = loadConfig({ CHECKIN_INTENTION_MAX_CHARS: '10', CHECKIN_NOTE_MAX_CHARS: '20', CHECKIN_HISTORY_PAGE: '7' });
  return new CheckInsService(repository, clock, config);
}

describe('CheckInsService', () => {
  it("places a check-in in the member's own day, by the server's clock", () => {
    const checkIns = service('2026-12-07T03:30:00Z');
    const chicago = checkIns.draft({ mood: 3, intention: 'walk', timeZone: 'America/Chicago' });
    expect(chicago).toMatchObject({ localDate: '2026-12-06', threadDay: '2026-12-07', timeZone: 'America/Chicago', note: null });
    expect(checkIns.draft({ mood: 3, intention: 'walk' })).toMatchObject({ localDate: '2026-12-07', timeZone: 'UTC' });
  });

  it.each([
    [{ mood: 0, intention: 'walk' }, 'mood'],
    [{ mood: 6, intention: 'walk' }, 'mood'],
    [{ mood: 2.5, intention: 'walk' }, 'mood'],
    [{ mood: 3, intention: '   ' }, 'intention'],
    [{ mood: 3, intention: 'a much too long intention' }, 'intention'],
    [{ mood: 3, intention: 'walk', note: 'x'.repeat(21) }, 'note'],
    [{ mood: 3, intention: 'walk', timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %j (field %s) with a message for a person', (input, field) => {
    expect(() => service('2026-12-07T12:00:00Z').draft(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) }),
    );
  });

  it('pages the history with the configured default', async () => {
    const pages: Array<{ accountId: string; size: number }> = [];
    await service('2026-12-07T12:00:00Z', pages).history('account-1');
    expect(pages).toEqual([{ accountId: 'account-1', size: 7 }]);
  });

  it('shares mood and intention, and the note only when asked', () => {
    const draft = { mood: 4, intention: 'call my sister', note: 'slept well' };
    expect(sharedBody(draft, false)).toBe('Today feels: Good.\nMy intention: call my sister');
    expect(sharedBody(draft, true)).toContain('slept well');
    expect(privateBody(draft)).toContain('Note: slept well');
  });
});
