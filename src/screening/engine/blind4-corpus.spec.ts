/**
 * Fourth blind set (test/fixtures/screening-blind4.jsonl): 220 posts written from docs/policy.md
 * alone, before the engine was read, as a week of a recovery forum's moderation queue across
 * every space: crisis as hopelessness plus means ("my whole month's script and I'm done"),
 * farewells and plans without the word suicide, panicking bystanders with typos, sourcing by
 * "connect", "plug", "link", "who's around", trades and "pm me", dosing as "space out doses to
 * feel it" or "IV vs IM", sarcastic and threatening harassment, "choice not disease" stigma,
 * affiliate/crypto/lead-generation spam, phone numbers, addresses, licence plates and full
 * names with a role. Hard benign: gratitude, grief, honest returns to use with a safety plan,
 * naloxone training, dose changes with a clinic, hyperbole ("I want to die of embarrassment",
 * "I don't want to wake up early"), news links, hotlines. Measured once before tuning
 * (docs/screening.md), then used to tune general rules: these are the promises, not figures.
 */
import { isHeld, screenFixture } from './corpus.spec-helper';

const CATEGORIES = ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'PERSONAL_INFO', 'HARASSMENT', 'STIGMA', 'SPAM'] as const;

describe('fourth blind labeled set (test/fixtures/screening-blind4.jsonl)', () => {
  const { posts, results, benign, holds } = screenFixture('screening-blind4.jsonl');
  const held = isHeld;

  it('is 220 posts, more than half benign, with holds in every category and 25 URGENT', () => {
    expect(posts.length).toBe(220);
    expect(new Set(posts.map((p) => p.id)).size).toBe(220);
    expect(benign.length / posts.length).toBeGreaterThan(0.5);
    const categories = new Set(holds.flatMap((r) => r.post.categories));
    for (const c of CATEGORIES) expect(categories).toContain(c);
    expect(posts.filter((p) => p.priority === 'URGENT').length).toBe(25);
  });

  it('holds fewer than 5% of benign posts (grief, hyperbole, clinic doses, hotlines, honest returns to use)', () => {
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held, and at least 85% in every category', () => {
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
    for (const c of CATEGORIES) {
      const labeled = holds.filter((r) => r.post.categories.includes(c));
      const found = labeled.filter((r) => r.decision.categories.includes(c));
      expect([c, found.length / labeled.length >= 0.85]).toEqual([c, true]);
    }
  });

  it('holds every URGENT post (hopelessness with means, farewells, bystanders in a panic) as URGENT', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  it('nudges at least 90% of self-directed stigma without holding it', () => {
    const nudges = results.filter((r) => r.post.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(nudges.filter((r) => held(r.decision.outcome))).toEqual([]);
    const nudged = nudges.filter((r) => r.decision.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(nudged.length / nudges.length).toBeGreaterThanOrEqual(0.9);
  });
});
