/** Obfuscation is read through, and every span points at the words as the member wrote them. */
import { normalize } from './normalize';
import { screenText } from './index';

function spanText(text: string, pick: 'reason' | 'suggestion' = 'reason'): string[] {
  const d = screenText(text);
  const spans = pick === 'reason' ? d.reasons : d.suggestions;
  return spans.map((s) => text.slice(s.start, s.end));
}

describe('normalize', () => {
  it('folds case, accents, fullwidth and Cyrillic/Greek look-alikes, with a map back', () => {
    const src = 'J\u00fcnk\u0456\u0435 \uff2a\uff35\uff2e\uff2b';
    const n = normalize(src);
    expect(n.text).toBe('junkie junk');
    expect(n.starts).toHaveLength(n.text.length);
    expect(src.slice(n.starts[7], n.ends[10])).toBe('\uff2a\uff35\uff2e\uff2b');
  });

  it('drops zero-width characters and keeps astral characters mapped', () => {
    const n = normalize('ju\u200bnk \u{1F64F}x');
    expect(n.text.startsWith('junk ')).toBe(true);
    expect(n.ends[n.text.length - 1]).toBe('ju\u200bnk \u{1F64F}x'.length);
  });
});

describe('obfuscation is read through', () => {
  it.each([
    ['leetspeak', 'who got p3rcs', 'DRUG_SOURCING'],
    ['leetspeak digits first', 'anyone selling 0xy or 5ubs tonight?', 'DRUG_SOURCING'],
    ['separators', 'all these j-u-n-k-i-e-s in the park', 'STIGMA'],
    ['dots', 'these c.r.a.c.k.h.e.a.d.s are everywhere', 'STIGMA'],
    ['star for a vowel', 'those j*nkies downtown', 'STIGMA'],
    ['stretched letters', 'i want to kiiiiill myself tn', 'SELF_HARM'],
    ['look-alike letters', '\u0399 w\u0430nt t\u043e di\u0435 t\u043enight', 'SELF_HARM'],
    ['fullwidth', '\uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46 tonight', 'SELF_HARM'],
    ['texting kms', 'kms tn fr', 'SELF_HARM'],
    ['texting r u', 'r u selling any percs', 'DRUG_SOURCING'],
    ['texting kys', 'just kys already', 'HARASSMENT'],
    ['spelled-out phone', 'six one four five five five zero one nine two call me', 'PERSONAL_INFO'],
    ['spaced digits', 'text 6 1 4 5 5 5 0 1 9 2', 'PERSONAL_INFO'],
    ['AT/DOT e-mail', 'write to sam.k AT gmail DOT com', 'PERSONAL_INFO'],
    ['e-mail', 'mail me: s.k+recovery@proton.me', 'PERSONAL_INFO'],
    ['three spaced letters of a texting form', 'k m s tonight', 'SELF_HARM'],
    ['three spaced letters of a drug name', 'o x y for sale', 'DRUG_SOURCING'],
    ['hyphenated texting form', 'gonna un-alive myself this weekend', 'SELF_HARM'],
    ['split texting form', 'thinking about the sewer slide again tn', 'SELF_HARM'],
    ['one-letter words before a spelled-out label', 'u r a j u n k i e and always will be', 'HARASSMENT'],
    ['article before a spelled-out label', 'once a j u n k i e always a j u n k i e', 'STIGMA'],
  ])('%s: %s', (_name, text, category) => {
    expect(screenText(text).categories).toContain(category);
  });
});

describe('joining spelled-out and split words stays narrow', () => {
  it.each([
    ['"I\'m a" typed with a blank', 'i m a nurse and a mom, been on suboxone 3 years'],
    ['texting one-letter words', 'u r a blessing to this group'],
    ['an ellipsis is a pause, not a sentence end', 'I want to die... of embarrassment, my mom posted my chip 😂'],
    ['a real bus', "I'm going to catch the bus tonight, the last one leaves at 11."],
  ])('%s: %s', (_name, text) => {
    expect(screenText(text).outcome).toBe('PUBLISH');
  });
});

describe('spans are original text', () => {
  it('after look-alike folding', () => {
    const text = 'Honestly \u0456 want to k\u0456ll m\u0443self.';
    expect(spanText(text)).toContain('k\u0456ll m\u0443self');
  });

  it('after separators and leetspeak', () => {
    expect(spanText('all these j.u.n.k.1.e.s on the corner', 'suggestion')).toEqual(['j.u.n.k.1.e.s']);
    expect(spanText('I was a junk1e for years', 'suggestion')).toEqual(['junk1e']);
    expect(spanText('I got a j*nkie tattoo once', 'suggestion')).toEqual(['j*nkie']);
  });

  it('marks only the stigmatizing word in its context', () => {
    expect(spanText('My drug habit is behind me', 'suggestion')).toEqual(['habit']);
    expect(spanText('Ninety days CLEAN!!', 'suggestion')).toEqual(['CLEAN']);
  });

  it('for phone numbers and e-mails', () => {
    const text = 'call me at (614) 555-0192 or mail a.b@example.org';
    expect(spanText(text)).toEqual(['614) 555-0192', 'a.b@example.org']);
  });

  it('for an expanded texting form', () => {
    expect(spanText('honestly kms')).toEqual(['kms']);
  });
});
