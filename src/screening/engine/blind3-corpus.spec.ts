/**
 * Third blind set (test/fixtures/screening-blind3.jsonl): 220 posts written from docs/policy.md
 * alone, before the engine was read, on what earlier sets under-covered: long posts (5-15
 * sentences) where one sentence is the dangerous one (a hard week ending in a plan, a relapse
 * story naming where the author buys now, a phone number at the end) and long benign posts
 * full of words that look dangerous alone; replies to members (support and harassment);
 * other people in crisis now vs. in the past; indirect sourcing and dosing ("extras of their
 * script", "conversion from 30s to fent") beside benign tapers with a doctor; personal
 * information as workplace + role, full names, discord/venmo handles; medication stigma about
 * others vs. a member's own past doubts; varied self-descriptions for nudges. Measured once
 * before tuning (docs/screening.md), then used to tune general rules. These are the promises
 * on unseen posts, not exact figures.
 */
import { isHeld, screenFixture } from './corpus.spec-helper';

describe('third blind labeled set (test/fixtures/screening-blind3.jsonl)', () => {
  const { posts, results, benign, holds } = screenFixture('screening-blind3.jsonl');
  const held = isHeld;
  const sentences = (text: string): number => text.split(/[.!?]+\s/).filter((s) => s.trim() !== '').length;

  it('is 220 posts, more than half benign, with holds in every category, 25 URGENT and long posts', () => {
    expect(posts.length).toBe(220);
    expect(new Set(posts.map((p) => p.id)).size).toBe(220);
    expect(benign.length / posts.length).toBeGreaterThan(0.5);
    const categories = new Set(holds.flatMap((r) => r.post.categories));
    for (const c of ['SELF_HARM', 'OVERDOSE_EMERGENCY', 'DRUG_SOURCING', 'DOSING_INSTRUCTIONS', 'PERSONAL_INFO', 'HARASSMENT', 'STIGMA', 'SPAM']) {
      expect(categories).toContain(c);
    }
    expect(posts.filter((p) => p.priority === 'URGENT').length).toBeGreaterThanOrEqual(25);
    expect(holds.filter((r) => sentences(r.post.text) >= 5).length).toBeGreaterThanOrEqual(8);
    expect(benign.filter((r) => sentences(r.post.text) >= 5).length).toBeGreaterThanOrEqual(10);
  });

  it('holds fewer than 5% of benign posts (long stories, replies, past crises, tapers, reported stigma)', () => {
    const falseHolds = benign.filter((r) => held(r.decision.outcome)).map((r) => r.post.id);
    expect(falseHolds.length / benign.length).toBeLessThan(0.05);
  });

  it('catches at least 90% of posts that must be held', () => {
    const caught = holds.filter((r) => held(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('catches the one dangerous sentence buried in a long post', () => {
    const longHolds = holds.filter((r) => sentences(r.post.text) >= 5);
    const caught = longHolds.filter((r) => held(r.decision.outcome));
    expect(caught.length / longHolds.length).toBeGreaterThanOrEqual(0.9);
  });

  it('holds every URGENT post (a plan at the end of a long week, a son or partner overdosing now) as URGENT', () => {
    const urgent = results.filter((r) => r.post.priority === 'URGENT');
    for (const r of urgent) expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  it('never holds a benign post as URGENT', () => {
    for (const r of benign) expect([r.post.id, r.decision.priority]).not.toEqual([r.post.id, 'URGENT']);
  });

  it('gives self-directed stigma a private suggestion, not a hold', () => {
    const nudges = results.filter((r) => r.post.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(nudges.length).toBeGreaterThanOrEqual(15);
    const suggested = nudges.filter((r) => r.decision.outcome === 'PUBLISH_WITH_SUGGESTIONS');
    expect(suggested.length / nudges.length).toBeGreaterThanOrEqual(0.9);
  });
});
