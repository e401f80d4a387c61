import { readFixture } from './corpus.spec-helper';
import { screenText } from './index';

describe('dev corpus (test/fixtures/screening-dev.jsonl)', () => {
  const posts = readFixture('screening-dev.jsonl');

  it('has 60 labeled posts', () => {
    expect(posts).toHaveLength(60);
  });

  it.each(posts.map((p) => [p.id, p] as const))('%s', (_id, post) => {
    const d = screenText(post.text);
    expect(d.outcome).toBe(post.outcome);
    expect(new Set(d.categories)).toEqual(new Set(post.categories));
    if (post.priority !== undefined) expect(d.priority).toBe(post.priority);
    if (d.outcome !== 'HOLD' && d.outcome !== 'REJECT') expect(d.priority).toBeNull();
    const terms = d.suggestions.map((s) => s.term);
    for (const t of post.terms ?? []) expect(terms).toContain(t);
  });
});
