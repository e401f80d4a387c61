import { liveSpans, splitBySpans } from './highlight-spans';

describe('marking the words a case is about', () => {
  const body = 'I have my pills counted out for tonight';

  it('keeps only spans whose words are still there', () => {
    const reasons = [
      { category: 'SELF_HARM', excerpt: 'pills counted out', start: 10, end: 27 },
      { category: 'STIGMA', excerpt: 'junkie', start: 0, end: 6 },
      { category: 'SPAM', excerpt: null, start: null, end: null },
    ];
    expect(liveSpans(body, reasons)).toEqual([{ start: 10, end: 27, label: 'SELF_HARM' }]);
  });

  it('splits the text into plain and marked pieces that join back into the body', () => {
    const pieces = splitBySpans(body, [
      { start: 32, end: 39 },
      { start: 10, end: 15 },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(body);
    expect(pieces.filter((piece) => piece.span).map((piece) => piece.text)).toEqual(['pills', 'tonight']);
  });

  it('merges overlapping spans and ignores ones outside the text', () => {
    const pieces = splitBySpans(body, [
      { start: 10, end: 20 },
      { start: 15, end: 27 },
      { start: 30, end: 400 },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(body);
    expect(pieces.filter((piece) => piece.span).map((piece) => piece.text)).toEqual(['pills coun', 'ted out']);
  });
});
