/**
 * Sixth blind set (test/fixtures/screening-blind6.jsonl): 200 posts written in the style and
 * distribution of the dev corpus (short posts, about half benign) from docs/policy.md and the dev
 * corpus alone, before the engine was read: 100 benign (35 hard: survival stories, past
 * overdoses, quoted or reported stigma, idioms, public hotlines, doctor-set MOUD doses,
 * supportive MOUD talk, past dealers), 15 self-directed NUDGE, 85 HOLD across all eight
 * categories (20 URGENT). Measured once before tuning (docs/screening.md), then used to tune
 * general rules: these are the promises, not figures.
 */
import { isHeld, screenFixture } from './corpus.spec-helper';

const CATEGORIES = ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'PERSONAL_INFO', 'HARASSMENT', 'STIGMA', 'SPAM'] as const;

describe('sixth blind labeled set (test/fixtures/screening-blind6.jsonl)', () => {
  const { posts, results, benign, holds } = screenFixture('screening-blind6.jsonl');
  const held = isHeld;

  it('is 200 posts: 115 benign (15 nudges), 85 holds in all eight categories, 20 URGENT', () => {
    expect(posts.length).toBe(200);
    expect(new Set(posts.map((p) => p.id)).size).toBe(200);
    expect(benign.length).toBe(115);
    expect(posts.filter((p) => p.outcome === 'PUBLISH_WITH_SUGGESTIONS').length).toBe(15);
    expect(posts.filter((p) => p.priority === 'URGENT').length).toBe(20);
    const categories = new Set(holds.flatMap((r) => r.post.categories));
    for (const c of CATEGORIES) expect(categories).toContain(c);
  });

  it('holds fewer than 5% of benign posts', () => {
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held', () => {
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('holds every URGENT post as URGENT, and no benign post as URGENT', () => {
    for (const r of results.filter((x) => x.post.priority === 'URGENT')) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
    for (const r of benign) expect([r.post.id, r.decision.priority === 'URGENT']).toEqual([r.post.id, false]);
  });
});
