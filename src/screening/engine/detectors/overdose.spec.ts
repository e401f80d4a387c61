/**
 * Took-too-much wordings widened from the training voices: more doses than meant, taken by
 * mistake or twice, held beside a call for help; the same words in the past, negated or of
 * someone else later publish. All sentences are written for this spec.
 */
import { screenText } from '../index';

describe('OVERDOSE_EMERGENCY took too much', () => {
  it.each([
    ['more films than one, with a call for help', 'I took 3 films instead of 1. I feel heavy and I am alone, what do I do'],
    ['forgot and took another, with a call for help', 'I took my strip and then forgot and took another. Please someone, is this bad?'],
    ['more than I meant, with a call for help', 'took more than i meant. the room is spinning, what do i do'],
  ])('%s holds', (_what, text) => {
    expect(screenText(text).categories).toContain('OVERDOSE_EMERGENCY');
  });

  it.each([
    ['in the past', 'In 2017 I took 3 films instead of 1 by accident. Now I use a pill organizer.'],
    ['negated', 'I did not take 3 films instead of 1, I checked the box twice.'],
    ['said of someone else, later', 'My aunt took 3 films instead of 1 last year, she was fine.'],
    ['a story of someone else, told later', 'Last week we ran on a lady who took her oxy twice, narcan, she woke up fine.'],
  ])('%s publishes', (_what, text) => {
    expect(screenText(text).categories).not.toContain('OVERDOSE_EMERGENCY');
  });
});
