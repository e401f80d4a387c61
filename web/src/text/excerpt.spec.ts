import { excerpt } from './excerpt';

describe('a post excerpt', () => {
  it('keeps a short post whole', () => {
    expect(excerpt('Day 30 today.')).toBe('Day 30 today.');
  });

  it('cuts a long post at a word near the limit and marks the cut', () => {
    const text = 'word '.repeat(100);
    const cut = excerpt(text, 52);
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(53);
  });

  it('cuts inside a word when no space is near (one long word is still bounded)', () => {
    expect(excerpt('a'.repeat(500), 100)).toHaveLength(101);
  });
});
