/**
 * Self-descriptions that quotation, reporting verbs or contempt words elsewhere in the sentence
 * used to hide or hold. All sentences are written for this spec (none come from the corpora).
 */
import { screenText } from '../index';
import type { Outcome } from '../types';

type Case = [Outcome, string];

function check(cases: Case[]): void {
  it.each(cases)('%s: %s', (outcome, text) => {
    expect(screenText(text).outcome).toBe(outcome);
  });
}

describe('the author quoting their own self-introduction', () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', 'house meeting tonight: "hi, I\'m Dana, I\'m an addict, 40 days clean."'],
    ['PUBLISH_WITH_SUGGESTIONS', 'Said "I\'m Lou and I\'m an addict" at the meeting for the first time'],
    ['PUBLISH_WITH_SUGGESTIONS', 'I should say it plainly: I was a pill addict for three years.'],
    // Someone else's words, quoted or reported, stay theirs.
    ['PUBLISH', 'my dad says "I\'m a junkie" when he jokes'],
    ['PUBLISH', 'she said I was an addict and walked out'],
    ['PUBLISH', 'my aunt called me a junkie at dinner'],
    ['PUBLISH', 'I hate the word junkie'],
    // Given to someone else at the end of the sentence.
    ['PUBLISH', 'being clean does not stop you being an addict, that is what my doctor says'],
  ]);
});

describe('the author taking the word back after someone else spoke', () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', "my sponsor said to take it slow, anyway I'm 60 days clean today"],
    ['PUBLISH', 'my sponsor said I was clean enough to chair'],
  ]);
});

describe('people naming themselves are not labelled by the author', () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', 'my brother calls himself a dope fiend and I used to say it about me too'],
    ['PUBLISH_WITH_SUGGESTIONS', 'do you still feel like a junkie sometimes'],
    ['PUBLISH_WITH_SUGGESTIONS', 'soy una addict en recovery y estoy orgullosa'],
    ['HOLD', "I'm so tired of his junkie brother"],
  ]);
});

describe('contempt words qualify the label, not the whole sentence', () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', 'I just keep thinking that was me two years ago, a straight up junkie on the corner'],
    ['PUBLISH_WITH_SUGGESTIONS', 'Just a note of hope from a former pill junkie'],
    ['HOLD', 'I just think these junkies should be locked up'],
    ['HOLD', 'those lazy addicts never change'],
    ['HOLD', 'at some point we have to stop spending public money on addicts who do not want help'],
    ['HOLD', 'Manny is on methadone and that is still being a junkie with a prescription'],
  ]);
});
