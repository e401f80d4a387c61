import type { Match } from '../engine/pattern';
import { cueHits, MAX_HITS_PER_LIST, modelInput } from './cue-features';
import { CUE_SCALE, features, occurrenceScale, scaleAt } from './features';

const match = (list: string, start: number, end: number): Match => ({ list, source: list, start, end, focusStart: start, focusEnd: end });

describe('rules list matches as model input', () => {
  const byList = new Map<string, Match[]>([
    [
      'selfHarm.preparation',
      [match('selfHarm.preparation', 0, 3), match('selfHarm.preparation', 5, 7), match('selfHarm.preparation', 9, 10)],
    ],
    ['operator.newList', [match('operator.newList', 2, 4)]],
  ]);

  it('keeps only the lists the model was trained with, and at most two matches of each', () => {
    const hits = cueHits({ byList }, new Set(['selfHarm.preparation']));
    expect(hits).toEqual([
      { list: 'selfHarm.preparation', from: 0, span: 3 },
      { list: 'selfHarm.preparation', from: 5, span: 2 },
    ]);
    expect(hits.length).toBe(MAX_HITS_PER_LIST);
    expect(cueHits({ byList }, new Set())).toEqual([]);
  });

  it('weigh the same in a long post as in a short one, unlike words', () => {
    const tokens = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `w${i % 50}`, sentence: Math.floor(i / 12), clause: 0 }));
    const cue = { byList: new Map([['selfHarm.preparation', [match('selfHarm.preparation', 0, 2)]]]) };
    const known = new Set(['selfHarm.preparation']);
    const short = features(modelInput({ ...cue, tokens: tokens(10) as never }, known), 16, 3);
    const long = features(modelInput({ ...cue, tokens: tokens(400) as never }, known), 16, 3);
    // The cue is the last occurrence: words are scaled by the post's length, the cue never.
    for (const o of [short, long]) {
      expect(o.length - o.words).toBe(1);
      expect(scaleAt(o, o.length - 1, occurrenceScale(o))).toBe(CUE_SCALE);
    }
    expect(scaleAt(long, 0, occurrenceScale(long))).toBeLessThan(scaleAt(short, 0, occurrenceScale(short)));
  });
});
