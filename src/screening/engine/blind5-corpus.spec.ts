/**
 * Fifth blind set (test/fixtures/screening-blind5.jsonl): 240 posts written from docs/policy.md
 * alone, before the engine was read, aimed at the categories earlier blind rounds caught least
 * before tuning: 70 SELF_HARM (hopelessness with means, burden statements, farewells, "make it
 * look like an accident", "no version of tomorrow I'm in", "I've decided.", "how many would it
 * take", passive wishes not to wake up, typos, emoji, with and without the word), 15 overdoses
 * happening now, 25 sourcing, 20 dosing, 15 harassment, and 95 hard benign posts using the
 * same words safely (survival stories, "if you're thinking of ending it call 988", hyperbole,
 * cited lyrics, grief, counselors on warning signs, prescriber questions, harm reduction, past
 * dealing, teasing among friends). Measured once before tuning (docs/screening.md), then used
 * to tune general rules: these are the promises, not figures.
 */
import { isHeld, screenFixture } from './corpus.spec-helper';

const TARGETED = ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'HARASSMENT'] as const;

describe('fifth blind labeled set (test/fixtures/screening-blind5.jsonl)', () => {
  const { posts, results, benign, holds } = screenFixture('screening-blind5.jsonl');
  const held = isHeld;

  it('is 240 posts: 95 benign, 85 URGENT, holds in every targeted category', () => {
    expect(posts.length).toBe(240);
    expect(new Set(posts.map((p) => p.id)).size).toBe(240);
    expect(benign.length).toBe(95);
    expect(posts.filter((p) => p.priority === 'URGENT').length).toBe(85);
    const categories = new Set(holds.flatMap((r) => r.post.categories));
    for (const c of TARGETED) expect(categories).toContain(c);
  });

  it('holds fewer than 5% of benign posts (survival stories, support, lyrics, hyperbole, harm reduction)', () => {
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held, and at least 90% in every targeted category', () => {
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
    for (const c of TARGETED) {
      const labeled = holds.filter((r) => r.post.categories.includes(c));
      const found = labeled.filter((r) => r.decision.categories.includes(c));
      expect([c, found.length / labeled.length >= 0.9]).toEqual([c, true]);
    }
  });

  it('holds every URGENT post (plans, burden, farewells, means at hand, bystanders) as URGENT', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  it('never holds as URGENT a benign post that supports someone else or cites a lyric', () => {
    const ids = ['g147', 'g150', 'g161', 'g169', 'g180', 'g197'];
    for (const r of benign.filter((x) => ids.includes(x.post.id))) expect([r.post.id, r.decision.outcome]).toEqual([r.post.id, 'PUBLISH']);
  });
});
