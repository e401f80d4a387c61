/**
 * Blind set (test/fixtures/screening-blind.jsonl): 200 posts written from docs/policy.md alone,
 * before anyone read the engine, then used once to measure and once to tune general rules.
 * The thresholds are the product's promises on unseen posts, not exact matches; the measured
 * figures (docs/screening.md) are higher because the set has since shaped the rules.
 */
import { readFixture } from './corpus.spec-helper';
import { screenText } from './index';

describe('blind labeled set (test/fixtures/screening-blind.jsonl)', () => {
  const posts = readFixture('screening-blind.jsonl');
  const results = posts.map((p) => ({ post: p, decision: screenText(p.text) }));
  const held = (o: string): boolean => o === 'HOLD' || o === 'REJECT';

  it('is 200 varied posts, more than half of them benign, holds in every category', () => {
    expect(posts.length).toBe(200);
    const benign = posts.filter((p) => !held(p.outcome)).length;
    expect(benign / posts.length).toBeGreaterThan(0.5);
    const categories = new Set(posts.filter((p) => held(p.outcome)).flatMap((p) => p.categories));
    for (const c of ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'PERSONAL_INFO', 'HARASSMENT', 'STIGMA', 'SPAM']) {
      expect(categories).toContain(c);
    }
  });

  it('holds fewer than 5% of benign posts (hard benign included)', () => {
    const benign = results.filter((r) => !held(r.post.outcome));
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held', () => {
    const holds = results.filter((r) => held(r.post.outcome));
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('catches every URGENT post (self-harm, overdose now) as URGENT', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    expect(urgent.length).toBeGreaterThanOrEqual(20);
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  it('never holds a benign post as URGENT (survival stories, idioms, hotlines)', () => {
    const benign = results.filter((r) => !held(r.post.outcome));
    for (const r of benign) expect([r.post.id, r.decision.priority]).not.toEqual([r.post.id, 'URGENT']);
  });
});
