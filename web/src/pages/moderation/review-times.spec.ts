import { reviewBars, type PriorityReviewTimes } from './review-times';

const row = (priority: string, claim: [number, number] | null, decision: [number, number] | null): PriorityReviewTimes => ({
  priority,
  waiting: 0,
  claimed: claim ? 1 : 0,
  medianSecondsToClaim: claim?.[0] ?? null,
  p90SecondsToClaim: claim?.[1] ?? null,
  decided: decision ? 1 : 0,
  medianSecondsToDecision: decision?.[0] ?? null,
  p90SecondsToDecision: decision?.[1] ?? null,
});

describe('reviewBars', () => {
  it('scales every bar to the longest 90th percentile on the chart', () => {
    const bars = reviewBars([row('URGENT', [60, 120], [300, 600]), row('HIGH', [600, 1200], null)]);
    expect(bars.get('URGENT')).toEqual({ claimMedian: 5, claimP90: 10, decisionMedian: 25, decisionP90: 50 });
    expect(bars.get('HIGH')).toEqual({ claimMedian: 50, claimP90: 100, decisionMedian: 0, decisionP90: 0 });
  });

  it('draws nothing for a priority without claims or decisions, and survives an empty window', () => {
    expect(reviewBars([row('LOW', null, null)]).get('LOW')).toEqual({ claimMedian: 0, claimP90: 0, decisionMedian: 0, decisionP90: 0 });
  });
});
