import { byUrgency, mostUrgent, PRIORITIES, PRIORITY_OF, PRIORITY_RANK, type Priority, SCREENING_CATEGORIES } from './vocabulary';

describe('the priority order moderators see', () => {
  it('puts URGENT before HIGH before NORMAL before LOW in the queue', () => {
    const arrived: Priority[] = ['LOW', 'NORMAL', 'URGENT', 'HIGH', 'URGENT'];
    expect(arrived.sort(byUrgency)).toEqual(['URGENT', 'URGENT', 'HIGH', 'NORMAL', 'LOW']);
  });

  it('stores ranks that sort the queue ascending, URGENT as 0 (moderation_case.priority_rank)', () => {
    expect(PRIORITY_RANK).toEqual({ URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 });
    expect([...PRIORITIES].sort((a, b) => PRIORITY_RANK[a] - PRIORITY_RANK[b])).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
  });

  it('gives a case the most urgent of its priorities, and none without any', () => {
    expect(mostUrgent(['NORMAL', 'URGENT', 'LOW'])).toBe('URGENT');
    expect(mostUrgent(['LOW', 'HIGH'])).toBe('HIGH');
    expect(mostUrgent([])).toBeNull();
  });

  it('weighs a crisis above sourcing above stigma above spam', () => {
    const order = [...SCREENING_CATEGORIES].sort((a, b) => byUrgency(PRIORITY_OF[a], PRIORITY_OF[b]));
    expect(order.indexOf('SELF_HARM')).toBeLessThan(order.indexOf('DRUG_SOURCING'));
    expect(order.indexOf('DRUG_SOURCING')).toBeLessThan(order.indexOf('STIGMA'));
    expect(order.indexOf('STIGMA')).toBeLessThan(order.indexOf('SPAM'));
  });
});
