/**
 * Second blind set (test/fixtures/screening-blind2.jsonl): 200 posts written from docs/policy.md
 * alone, before the engine was read, in voices the earlier sets lack: grandparents, teens,
 * veterans, nurses, rural families, long stories mixing a past crisis with present hope,
 * one-liners ("day 3"), typos, emoji, texting style, Spanish, and obfuscated dangerous posts
 * ("k m s", "un-alive", "sewer slide", "catch the bus... the permanent one", look-alike
 * letters, "o x y", "s3lling"). Measured once before tuning (docs/screening.md), then used to
 * tune general rules. These are the promises on unseen posts, not exact figures.
 */
import { isHeld, screenFixture } from './corpus.spec-helper';

describe('second blind labeled set (test/fixtures/screening-blind2.jsonl)', () => {
  const { posts, results, benign, holds } = screenFixture('screening-blind2.jsonl');
  const held = isHeld;

  it('is 200 posts, more than half benign, with holds in every category and 25+ URGENT', () => {
    expect(posts.length).toBe(200);
    expect(new Set(posts.map((p) => p.id)).size).toBe(200);
    expect(benign.length / posts.length).toBeGreaterThan(0.5);
    const categories = new Set(holds.flatMap((r) => r.post.categories));
    for (const c of ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'PERSONAL_INFO', 'HARASSMENT', 'STIGMA', 'SPAM']) {
      expect(categories).toContain(c);
    }
    expect(posts.filter((p) => p.priority === 'URGENT').length).toBeGreaterThanOrEqual(25);
  });

  it('holds fewer than 5% of benign posts (idioms, past crises, reported stigma, treatment questions)', () => {
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held', () => {
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('holds every URGENT post (self-harm intent, overdose now) as URGENT, obfuscated or not', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  it('never holds a benign post as URGENT', () => {
    for (const r of benign) expect([r.post.id, r.decision.priority]).not.toEqual([r.post.id, 'URGENT']);
  });

  it('gives self-directed stigma a private suggestion, not a hold', () => {
    const nudges = results.filter((r) => r.post.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(nudges.length).toBeGreaterThanOrEqual(10);
    const suggested = nudges.filter((r) => r.decision.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(suggested.length / nudges.length).toBeGreaterThanOrEqual(0.9);
  });
});
