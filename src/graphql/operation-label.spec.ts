import { OperationLabels, OVERFLOW, UNNAMED, UNVALIDATED } from './operation-label';

describe('OperationLabels', () => {
  it('keeps a validated plain name as its own label', () => {
    const labels = new OperationLabels();
    expect(labels.label('Feed', true)).toBe('Feed');
    expect(labels.label('screen_draft2', true)).toBe('screen_draft2');
  });

  it('never lets an unvalidated document name a label', () => {
    expect(new OperationLabels().label('Feed', false)).toBe(UNVALIDATED);
  });

  it('folds names that are not plain identifiers, so no text or address reaches a label', () => {
    const labels = new OperationLabels();
    for (const name of ['my name is Sam', '127.0.0.1', 'a-b', '_private', '9lives', 'x'.repeat(65), 'naïve']) {
      expect(labels.label(name, true)).toBe(OVERFLOW);
    }
  });

  it('names an anonymous operation apart from every client name', () => {
    expect(new OperationLabels().label(undefined, true)).toBe(UNNAMED);
    expect(new OperationLabels().label(null, true)).toBe(UNNAMED);
    expect(UNNAMED).not.toMatch(/^[A-Za-z]/);
    expect(UNVALIDATED).not.toMatch(/^[A-Za-z]/);
  });

  it('caps the distinct names: past the cap new ones fold into other, known ones keep theirs', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('One', true)).toBe('One');
    expect(labels.label('Two', true)).toBe('Two');
    expect(labels.label('Three', true)).toBe(OVERFLOW);
    expect(labels.label('One', true)).toBe('One');
  });
});
