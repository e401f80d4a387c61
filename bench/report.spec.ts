import { formatSection, percentile, ratio } from './report';

describe('bench report', () => {
  it('gives a figure beside its baseline as a ratio, and none without one', () => {
    expect(ratio({ name: 'a', value: 30, unit: 'req/s', baseline: { name: 'b', value: 120 } })).toBeCloseTo(0.25);
    expect(ratio({ name: 'a', value: 30, unit: 'req/s' })).toBeNull();
  });

  it('prints one row per figure with its ratio as a percentage', () => {
    const text = formatSection({
      section: 'reads',
      figures: [{ name: 'feed', value: 2500, unit: 'req/s', baseline: { name: 'node:http', value: 8000 }, target: '>= 30%' }],
      notes: ['a note'],
    });
    expect(text).toContain('feed');
    expect(text).toContain('31.3%');
    expect(text).toContain('8000 req/s (node:http)');
    expect(text.split('\n').at(-1)).toBe('a note');
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });
});
