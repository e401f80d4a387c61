import {
  charNgramHashes,
  cueHash,
  CueHit,
  emptyOccurrences,
  FeatureToken,
  features as allFeatures,
  ngramHash,
  NORM_FLOOR,
  occurrenceScale,
  wordHash,
} from './features';

/** Words only, as before cues were features. */
const features = (tokens: readonly FeatureToken[], bits: number) => allFeatures({ tokens, cues: [] }, bits, 3);

/**
 * The hashes are part of the weights file's format: a shipped model's buckets mean something
 * only while these values hold. If one of these changes, every model must be trained again.
 */
describe('hashed features', () => {
  it('hash words, word n-grams and char n-grams to fixed values', () => {
    expect(wordHash('day')).toBe(3252009638);
    expect(ngramHash(['won', 't'])).toBe(3820084641);
    expect(ngramHash(['after', 'friday', 'night'])).toBe(3908808985);
    expect(charNgramHashes('day').slice(0, 4)).toEqual([3691121778, 1416408574, 3978402323, 1137977701]);
    expect(cueHash('selfHarm.preparation')).toBe(2839215945);
  });

  it('put a post into fixed buckets with fixed signs', () => {
    const tokens = [
      { key: 'i', sentence: 0, clause: 0 },
      { key: 'wrote', sentence: 0, clause: 0 },
      { key: 'letters', sentence: 1, clause: 1 },
    ];
    const o = features(tokens, 12);
    // i: word + <i>; wrote: word + bigram + 12 char n-grams of <wrote>; letters (new sentence, no bigram): word + 18.
    expect(o.length).toBe(2 + 14 + 19);
    expect(Array.from(o.bucket.subarray(0, 6))).toEqual([1175, 236, 2360, 3610, 2805, 3561]);
    expect(Array.from(o.value.subarray(0, 6))).toEqual([1, -1, 1, 1, 1, -1]);
    expect(Array.from(o.bucket.subarray(0, o.length)).every((b) => b >= 0 && b < 4096)).toBe(true);
    expect(features(tokens, 12).bucket.subarray(0, o.length)).toEqual(o.bucket.subarray(0, o.length));
  });

  it('name the tokens each feature came from, word n-grams spanning their words', () => {
    const o = features(
      [
        { key: 'after', sentence: 0, clause: 0 },
        { key: 'friday', sentence: 0, clause: 0 },
        { key: 'night', sentence: 0, clause: 0 },
      ],
      16,
    );
    const spans = Array.from({ length: o.length }, (_, i) => [o.from[i], o.span[i]]);
    expect(spans).toContainEqual([0, 2]);
    expect(spans).toContainEqual([1, 2]);
    expect(spans).toContainEqual([0, 3]);
    expect(spans.every(([from, span]) => from + span <= 3)).toBe(true);
  });

  it('read digits as a shape, so doses and counts share char n-grams', () => {
    expect(charNgramHashes('m30')).toEqual(charNgramHashes('m15'));
    expect(wordHash('m30')).not.toBe(wordHash('m15'));
  });

  it('grow past the starting capacity and scale a post to about unit length', () => {
    const tokens = Array.from({ length: 500 }, (_, i) => ({
      key: `word${i % 37}`,
      sentence: Math.floor(i / 10),
      clause: Math.floor(i / 10),
    }));
    const o = features(tokens, 10);
    expect(o.length).toBeGreaterThan(1024);
    expect(occurrenceScale(o)).toBeCloseTo(1 / Math.sqrt(o.length));
    expect(occurrenceScale(features(tokens.slice(0, 3), 10))).toBeCloseTo(1 / Math.sqrt(NORM_FLOOR));
    expect(occurrenceScale(features([], 10))).toBe(0);
  });

  it('keep every occurrence when the buffer grows, so a post reads the same whatever was screened before', () => {
    const tokens = Array.from({ length: 400 }, (_, i) => ({ key: `w${i}`, sentence: Math.floor(i / 12), clause: Math.floor(i / 6) }));
    const cues: CueHit[] = [{ list: 'selfHarm.preparation', from: 3, span: 2 }];
    const occurrences = (o: ReturnType<typeof allFeatures>) =>
      [o.bucket, o.value, o.from, o.span].map((a) => Array.from(a.subarray(0, o.length)));
    const roomy = allFeatures({ tokens, cues }, 18, 3, emptyOccurrences(1 << 16));
    const grown = allFeatures({ tokens, cues }, 18, 3, emptyOccurrences(8));
    expect(grown.length).toBe(roomy.length);
    expect(occurrences(grown)).toEqual(occurrences(roomy));
    // The first words were the ones a growing buffer used to drop.
    expect(grown.value[0]).not.toBe(0);
  });

  it('add a negated copy of the few words after a negator in its clause', () => {
    const words = (keys: string[], clauses: number[]) => keys.map((key, i) => ({ key, sentence: 0, clause: clauses[i] }));
    const plain = features(words(['i', 'am', 'suicidal'], [0, 0, 0]), 16).length;
    expect(features(words(['i', 'am', 'not', 'suicidal'], [0, 0, 0, 0]), 16).length).toBe(
      features(words(['i', 'am', 'xxx', 'suicidal'], [0, 0, 0, 0]), 16).length + 1,
    );
    // A new clause ends the negation's reach ("not me, but ...").
    expect(features(words(['not', 'me', 'but', 'suicidal'], [0, 0, 1, 1]), 16).length).toBe(
      features(words(['xxx', 'me', 'but', 'suicidal'], [0, 0, 1, 1]), 16).length + 1,
    );
    expect(plain).toBeGreaterThan(0);
  });

  it('add one occurrence per rules list match, weighing cueWeight words, spanning the match', () => {
    const tokens = ['gave', 'my', 'cat', 'away'].map((key) => ({ key, sentence: 0, clause: 0 }));
    const cues: CueHit[] = [{ list: 'selfHarm.preparation', from: 0, span: 4 }];
    const words = allFeatures({ tokens, cues }, 16, 0);
    const withCues = allFeatures({ tokens, cues }, 16, 5);
    expect(withCues.length).toBe(words.length + 1);
    const last = withCues.length - 1;
    expect(withCues.bucket[last]).toBe(cueHash('selfHarm.preparation') & 0xffff);
    expect(Math.abs(withCues.value[last])).toBe(5);
    expect([withCues.from[last], withCues.span[last]]).toEqual([0, 4]);
  });
});
