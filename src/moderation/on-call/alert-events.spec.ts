import { caseLink, followUpEvent, waitingEvent } from './alert-events';

const CREATED = new Date('2026-12-06T03:00:00.000Z');

describe('alert events', () => {
  it('a waiting case: its link under the public address, its priority, the time waited, and the next alert number', () => {
    expect(
      waitingEvent({ caseId: 'c1', priority: 'URGENT', createdAt: CREATED, waitingSeconds: 130.6, alertsSent: 0 }, 'https://k.example'),
    ).toEqual({
      kind: 'case.waiting',
      caseId: 'c1',
      priority: 'URGENT',
      link: 'https://k.example/moderation/cases/c1',
      openedAt: '2026-12-06T03:00:00.000Z',
      waitingSeconds: 131,
      alertNumber: 1,
    });
  });

  it('a follow-up carries the number of the last alert it follows', () => {
    const event = followUpEvent(
      { caseId: 'c1', priority: 'HIGH', createdAt: CREATED, kind: 'case.claimed', waitedSeconds: 400, alertsSent: 3 },
      'https://k.example',
    );
    expect(event).toMatchObject({ kind: 'case.claimed', alertNumber: 3, waitingSeconds: 400, link: caseLink('https://k.example', 'c1') });
  });
});
