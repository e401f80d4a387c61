/**
 * Catastrophic backtracking is a correctness bug, not a performance detail: crafted 20,000
 * character posts must come back with a decision. Backtracking on inputs this size does not
 * finish at all, so jest's per-test timeout is the guard; no wall-clock figure is asserted
 * here (those are printed by `npm run bench`: tens of milliseconds per post).
 */
import { screenText } from './index';

const SIZE = 20_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const inputs: Array<[string, string]> = [
  ['separator runs', fill('.-_*~ ')],
  ['spelled-out near-matches', fill('j.')],
  ['digits', fill('6145550192 ')],
  ['digit words', fill('six one four ')],
  ['spaces', ' '.repeat(SIZE)],
  ['one long word', fill('a')],
  ['stretched letters', fill('junkiiiiiiie')],
  ['emoji', fill('\u{1F64F}\u{1F3FD}\u200d')],
  ['nested quotes', fill('"\'"\'\u201c\u2018 ')],
  ['at signs', fill('a@b@')],
  ['repeated cues', fill('I want to die tonight. ')],
  ['stars as vowels', fill('j*nk** ')],
  ['mixed', fill('j.u.n.k.i.e 0xy @x "kill my" 1-800- six ')],
];

const HANG_GUARD_MS = 20_000;

describe('adversarial input', () => {
  // Compile the rules first, so each case measures only screening.
  beforeAll(() => screenText('warm up'));

  it.each(inputs)(
    '%s: 20,000 characters come back with a decision',
    (_name, text) => {
      expect(text.length).toBe(SIZE);
      const d = screenText(text);
      expect(['PUBLISH', 'PUBLISH_WITH_SUGGESTIONS', 'HOLD', 'REJECT']).toContain(d.outcome);
      for (const r of d.reasons) {
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
      }
    },
    HANG_GUARD_MS,
  );

  it('still finds the real thing inside a long adversarial post', () => {
    const text = `${fill('j.').slice(0, 10_000)} I am going to kill myself tonight ${fill('. ').slice(0, 9_000)}`;
    expect(screenText(text).categories).toContain('SELF_HARM');
  });
});
