import { chooseThreshold, DEFAULT_POLICY, policyFor, ScoredPost, URGENT_POLICY } from './thresholds';

const post = (score: number, kind: 'positive' | 'benign' | 'other', rulesPublish = true): ScoredPost => ({
  score,
  positive: kind === 'positive',
  benign: kind === 'benign',
  rulesPublish,
});

/** 100 benign posts spread over [0, 0.4), plus the given ones. */
const withBenign = (...posts: ScoredPost[]): ScoredPost[] => [...Array.from({ length: 100 }, (_, i) => post(i / 250, 'benign')), ...posts];

describe('per-category thresholds', () => {
  it('give the urgent categories a lower, more forgiving range', () => {
    expect(policyFor('SELF_HARM')).toBe(URGENT_POLICY);
    expect(policyFor('OVERDOSE_EMERGENCY')).toBe(URGENT_POLICY);
    expect(policyFor('SPAM')).toBe(DEFAULT_POLICY);
    expect(URGENT_POLICY.low).toBeLessThan(DEFAULT_POLICY.low);
    expect(URGENT_POLICY.gain).toBeGreaterThan(DEFAULT_POLICY.gain);
  });

  it('keep the top of the range when there is nothing to gain', () => {
    expect(chooseThreshold(withBenign(), DEFAULT_POLICY).threshold).toBe(DEFAULT_POLICY.high);
    // Positives the rules already hold are not the model's to catch.
    expect(chooseThreshold(withBenign(post(0.9, 'positive', false)), DEFAULT_POLICY).threshold).toBe(DEFAULT_POLICY.high);
  });

  it('go as low as added catches pay for added false holds, within the budget', () => {
    const posts = withBenign(post(0.7, 'positive'), post(0.46, 'positive'), post(0.3, 'positive'));
    // 0.46 adds a second catch for no false hold (benign scores stop below 0.4).
    expect(chooseThreshold(posts, DEFAULT_POLICY)).toMatchObject({ threshold: 0.46, addedCatches: 2, addedFalseHolds: 0 });
    // Urgent: 0.3 would catch the third but hold 25 benign posts, over the 2% budget (2 posts).
    expect(chooseThreshold(posts, URGENT_POLICY)).toMatchObject({ threshold: 0.46, addedCatches: 2, addedFalseHolds: 0 });
    // With a bigger budget and enough gain, urgent goes lower.
    expect(chooseThreshold(posts, { ...URGENT_POLICY, falseHoldBudget: 0.3, gain: 30 })).toMatchObject({
      threshold: 0.3,
      addedCatches: 3,
      addedFalseHolds: 25,
    });
  });

  it('never count a post labeled held for another category as a false hold', () => {
    const posts = withBenign(post(0.8, 'positive'), ...Array.from({ length: 10 }, () => post(0.6, 'other')));
    expect(chooseThreshold(posts, DEFAULT_POLICY)).toMatchObject({ addedCatches: 1, addedFalseHolds: 0, threshold: 0.8 });
  });
});
