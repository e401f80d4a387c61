import { chooseThresholds, DEFAULT_POLICY, policyFor, ScoredPost, URGENT_POLICY } from './thresholds';

/** Two categories searched: 0 urgent (SELF_HARM-like), 1 not (SPAM-like). */
const POLICIES = [URGENT_POLICY, DEFAULT_POLICY];

const post = (scores: [number, number], kind: 'urgent' | 'spam' | 'benign' | 'other', rulesPublish = true): ScoredPost => ({
  scores,
  positive: [kind === 'urgent', kind === 'spam'],
  benign: kind === 'benign',
  rulesPublish,
});

/** 100 benign posts scoring over [0, 0.33] in both categories, plus the given ones. */
const withBenign = (...posts: ScoredPost[]): ScoredPost[] => [
  ...Array.from({ length: 100 }, (_, i) => post([i / 300, i / 300], 'benign')),
  ...posts,
];

describe('per-category thresholds', () => {
  it('give the urgent categories a lower range and more worth per catch', () => {
    expect(policyFor('SELF_HARM')).toBe(URGENT_POLICY);
    expect(policyFor('OVERDOSE_EMERGENCY')).toBe(URGENT_POLICY);
    expect(policyFor('SPAM')).toBe(DEFAULT_POLICY);
    expect(URGENT_POLICY.low).toBeLessThan(DEFAULT_POLICY.low);
    expect(URGENT_POLICY.high).toBeLessThan(DEFAULT_POLICY.high);
    expect(URGENT_POLICY.gain).toBeGreaterThan(DEFAULT_POLICY.gain);
  });

  it('keep the top of each range when there is nothing to gain', () => {
    expect(chooseThresholds(withBenign(), POLICIES).choices.map((c) => c.threshold)).toEqual([URGENT_POLICY.high, DEFAULT_POLICY.high]);
    // Positives the rules already hold are not the model's to catch.
    const held = withBenign(post([0.5, 0.6], 'urgent', false), post([0.1, 0.6], 'spam', false));
    expect(chooseThresholds(held, POLICIES).choices.map((c) => c.threshold)).toEqual([URGENT_POLICY.high, DEFAULT_POLICY.high]);
  });

  it('go down as far as added catches pay, within the false-hold budget', () => {
    const posts = withBenign(
      post([0.45, 0], 'urgent'),
      post([0.352, 0], 'urgent'),
      post([0.355, 0], 'benign'),
      post([0.2, 0], 'urgent'),
      post([0, 0.7], 'spam'),
    );
    const search = chooseThresholds(posts, POLICIES);
    // 0.35 adds a crisis for one benign post; the one at 0.2 is below the urgent range.
    expect(search).toMatchObject({ budget: 2, addedFalseHolds: 1 });
    expect(search.choices).toEqual([
      { threshold: 0.35, addedCatches: 2, falseHolds: 1 },
      { threshold: 0.7, addedCatches: 1, falseHolds: 0 },
    ]);
    // Without a budget, no benign post may be held.
    expect(chooseThresholds(posts, POLICIES, 0).choices[0]).toEqual({ threshold: 0.45, addedCatches: 1, falseHolds: 0 });
  });

  it('count a benign post held by two categories once against the budget', () => {
    const posts = withBenign(post([0.39, 0], 'urgent'), post([0, 0.7], 'spam'), post([0.395, 0.705], 'benign'));
    const search = chooseThresholds(posts, POLICIES, 0.01);
    expect(search).toMatchObject({ budget: 1, addedFalseHolds: 1 });
    expect(search.choices).toEqual([
      { threshold: 0.39, addedCatches: 1, falseHolds: 1 },
      { threshold: 0.7, addedCatches: 1, falseHolds: 1 },
    ]);
  });

  it('still add catches that hold no benign post when the tops alone exceed the budget', () => {
    const posts = withBenign(post([0.6, 0.99], 'benign'), post([0.6, 0.99], 'benign'), post([0, 0.7], 'spam'), post([0.45, 0], 'urgent'));
    const search = chooseThresholds(posts, POLICIES, 0.01);
    expect(search).toMatchObject({ budget: 1, addedFalseHolds: 2 });
    expect(search.choices.map((c) => c.threshold)).toEqual([0.45, 0.7]);
  });

  it('never count a post held for another category as a false hold', () => {
    const search = chooseThresholds(
      withBenign(post([0, 0.8], 'spam'), ...Array.from({ length: 10 }, () => post([0, 0.6], 'other'))),
      POLICIES,
    );
    expect(search.choices[1]).toEqual({ threshold: 0.8, addedCatches: 1, falseHolds: 0 });
  });
});
