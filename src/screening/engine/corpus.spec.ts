/**
 * Every labeled screening set in test/fixtures, checked against what it promises: the table in
 * test/fixtures/screening-corpora.ts says which file holds what and which thresholds apply.
 *
 * All sets live in this one spec file on purpose. Compiling the bundled rules costs seconds of
 * CPU and most of a gigabyte of heap, and jest gives every spec file its own module registry,
 * so every spec file that screens compiles them again. Handing compiled rules from one spec
 * file to the next (a cache in a custom test environment) would pass objects and trie-walking
 * code between vm realms: toStrictEqual tells such objects apart, finished realms stay alive,
 * and in watch mode the cache outlives an edit to the engine. One file per subject is plainer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPORA, Count, CorpusShape, ExactCorpus, ThresholdCorpus } from '../../../test/fixtures/screening-corpora';
import { screenText } from './index';
import type { Outcome, Priority, ScreeningCategory, ScreeningDecision } from './types';

interface Labeled {
  id: string;
  text: string;
  outcome: Outcome;
  categories: ScreeningCategory[];
  priority?: Priority;
  terms?: string[];
}

interface Screened {
  post: Labeled;
  decision: ScreeningDecision;
}

function readLabeled(file: string): Labeled[] {
  return readFileSync(resolve(__dirname, '../../../test/fixtures', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labeled);
}

/** HOLD and REJECT both keep a post from other members. */
const isHeld = (outcome: Outcome): boolean => outcome === 'HOLD' || outcome === 'REJECT';
const isBenign = (post: Labeled): boolean => !isHeld(post.outcome);
const sentences = (text: string): number => text.split(/[.!?]+\s/).filter((s) => s.trim() !== '').length;
const isLong = (post: Labeled): boolean => sentences(post.text) >= 5;

function expectCount(actual: number, count: Count): void {
  if (typeof count === 'number') expect(actual).toBe(count);
  else expect(actual).toBeGreaterThanOrEqual(count.atLeast);
}

const isShare = (x: Count | { shareOver: number }): x is { shareOver: number } => typeof x === 'object' && 'shareOver' in x;
const countText = (count: Count): string => (typeof count === 'number' ? `${count}` : `${count.atLeast}+`);
const percent = (share: number): string => `${Math.round(share * 100)}%`;

function shapeText(shape: CorpusShape): string {
  const parts = [`${countText(shape.posts)} posts`];
  if (shape.benign !== undefined)
    parts.push(isShare(shape.benign) ? `over ${percent(shape.benign.shareOver)} benign` : `${countText(shape.benign)} benign`);
  if (shape.nudges !== undefined) parts.push(`${countText(shape.nudges)} nudges`);
  if (shape.urgent !== undefined) parts.push(`${countText(shape.urgent)} URGENT`);
  if (shape.holdCategories !== undefined) parts.push(`holds in ${shape.holdCategories.length} categories`);
  if (shape.longPosts !== undefined)
    parts.push(`${countText(shape.longPosts.holds)} long holds, ${countText(shape.longPosts.benign)} long benign posts`);
  return parts.join(', ');
}

/** The set holds what its promises are about; no screening involved. */
function checkShape(posts: Labeled[], shape: CorpusShape): void {
  expectCount(posts.length, shape.posts);
  if (shape.uniqueIds) expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
  const benign = posts.filter(isBenign);
  const holds = posts.filter((p) => !isBenign(p));
  if (shape.benign !== undefined) {
    if (isShare(shape.benign)) expect(benign.length / posts.length).toBeGreaterThan(shape.benign.shareOver);
    else expectCount(benign.length, shape.benign);
  }
  if (shape.nudges !== undefined) expectCount(posts.filter((p) => p.outcome === 'PUBLISH_WITH_SUGGESTIONS').length, shape.nudges);
  if (shape.urgent !== undefined) expectCount(posts.filter((p) => p.priority === 'URGENT').length, shape.urgent);
  if (shape.holdCategories !== undefined) {
    const labeled = new Set(holds.flatMap((p) => p.categories));
    for (const c of shape.holdCategories) expect(labeled).toContain(c);
  }
  if (shape.longPosts !== undefined) {
    expectCount(holds.filter(isLong).length, shape.longPosts.holds);
    expectCount(benign.filter(isLong).length, shape.longPosts.benign);
  }
}

function describeExact(corpus: ExactCorpus, posts: Labeled[]): void {
  it(`is ${shapeText(corpus.shape)}`, () => checkShape(posts, corpus.shape));

  it.each(posts.map((p) => [p.id, p] as const))('%s comes back as labeled', (_id, post) => {
    const d = screenText(post.text);
    expect(d.outcome).toBe(post.outcome);
    expect(new Set(d.categories)).toEqual(new Set(post.categories));
    if (post.priority !== undefined) expect(d.priority).toBe(post.priority);
    if (!isHeld(d.outcome)) expect(d.priority).toBeNull();
    const terms = d.suggestions.map((s) => s.term);
    for (const t of post.terms ?? []) expect(terms).toContain(t);
  });
}

function describeThresholds(corpus: ThresholdCorpus, posts: Labeled[]): void {
  const { shape, promises } = corpus;
  let results: Screened[] = [];
  let benign: Screened[] = [];
  let holds: Screened[] = [];
  beforeAll(() => {
    results = posts.map((post) => ({ post, decision: screenText(post.text) }));
    benign = results.filter((r) => isBenign(r.post));
    holds = results.filter((r) => !isBenign(r.post));
  });

  it(`is ${shapeText(shape)}`, () => checkShape(posts, shape));

  it(`holds fewer than ${percent(promises.falseHoldRateUnder)} of benign posts`, () => {
    const falseHolds = benign.filter((r) => isHeld(r.decision.outcome));
    expect(falseHolds.length / benign.length).toBeLessThan(promises.falseHoldRateUnder);
  });

  it(`catches at least ${percent(promises.holdRecallAtLeast)} of posts that must be held`, () => {
    const caught = holds.filter((r) => isHeld(r.decision.outcome));
    expect(caught.length / holds.length).toBeGreaterThanOrEqual(promises.holdRecallAtLeast);
  });

  const categoryRecall = promises.categoryRecall;
  if (categoryRecall !== undefined) {
    it(`names the category of at least ${percent(categoryRecall.atLeast)} of the holds labeled with it, in ${categoryRecall.categories.join(', ')}`, () => {
      for (const c of categoryRecall.categories) {
        const labeled = holds.filter((r) => r.post.categories.includes(c));
        const found = labeled.filter((r) => r.decision.categories.includes(c));
        expect([c, found.length / labeled.length >= categoryRecall.atLeast]).toEqual([c, true]);
      }
    });
  }

  const longHoldRecall = promises.longHoldRecallAtLeast;
  if (longHoldRecall !== undefined) {
    it(`catches the one dangerous sentence buried in a long post, in at least ${percent(longHoldRecall)} of them`, () => {
      const longHolds = holds.filter((r) => isLong(r.post));
      const caught = longHolds.filter((r) => isHeld(r.decision.outcome));
      expect(caught.length / longHolds.length).toBeGreaterThanOrEqual(longHoldRecall);
    });
  }

  it('holds every URGENT post as URGENT', () => {
    for (const r of results.filter((x) => x.post.priority === 'URGENT'))
      expect([r.post.id, r.decision.priority]).toEqual([r.post.id, 'URGENT']);
  });

  if (promises.noBenignUrgent) {
    it('never holds a benign post as URGENT', () => {
      for (const r of benign) expect([r.post.id, r.decision.priority]).not.toEqual([r.post.id, 'URGENT']);
    });
  }

  const nudged = promises.nudged;
  if (nudged !== undefined) {
    it(`gives at least ${percent(nudged.atLeast)} of self-directed stigma a private suggestion${nudged.neverHeld ? ', and holds none of it' : ''}`, () => {
      const nudges = results.filter((r) => r.post.outcome === 'PUBLISH_WITH_SUGGESTIONS');
      if (nudged.neverHeld) expect(nudges.filter((r) => isHeld(r.decision.outcome))).toEqual([]);
      const suggested = nudges.filter((r) => r.decision.outcome === 'PUBLISH_WITH_SUGGESTIONS');
      expect(suggested.length / nudges.length).toBeGreaterThanOrEqual(nudged.atLeast);
    });
  }

  const publishedAsIs = promises.publishedAsIs;
  if (publishedAsIs !== undefined) {
    it(`publishes ${publishedAsIs.join(', ')} as they are`, () => {
      const listed = benign.filter((r) => publishedAsIs.includes(r.post.id));
      expect(listed.map((r) => r.post.id).sort()).toEqual([...publishedAsIs].sort());
      for (const r of listed) expect([r.post.id, r.decision.outcome]).toEqual([r.post.id, 'PUBLISH']);
    });
  }
}

describe.each(CORPORA.map((c) => [c.file, c] as const))('labeled set test/fixtures/%s', (file, corpus) => {
  const posts = readLabeled(file);
  if ('exact' in corpus) describeExact(corpus, posts);
  else describeThresholds(corpus, posts);
});
