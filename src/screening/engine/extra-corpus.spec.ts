/**
 * A held-out style set written before tuning (test/fixtures/screening-extra.jsonl): the
 * thresholds are the product's promises, not exact matches.
 */
import { readFixture } from './corpus.spec-helper';
import { screenText } from './index';

describe('extra labeled set (test/fixtures/screening-extra.jsonl)', () => {
  const posts = readFixture('screening-extra.jsonl');
  const results = posts.map((p) => ({ post: p, decision: screenText(p.text) }));
  const held = (o: string): boolean => o === 'HOLD' || o === 'REJECT';

  it('is a varied set of about 120 posts, half of them benign', () => {
    expect(posts.length).toBeGreaterThanOrEqual(110);
    const benign = posts.filter((p) => !held(p.outcome)).length;
    expect(benign / posts.length).toBeGreaterThan(0.4);
  });

  it('holds fewer than 5% of benign posts', () => {
    const benign = results.filter((r) => !held(r.post.outcome));
    const falseHolds = benign.filter((r) => held(r.decision.outcome));
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held', () => {
    const holds = results.filter((r) => held(r.post.outcome));
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('catches every URGENT post as URGENT', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    expect(urgent.length).toBeGreaterThanOrEqual(10);
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });
});
