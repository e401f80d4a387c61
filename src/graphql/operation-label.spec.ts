import { OperationLabels, OVERFLOW, UNNAMED, UNVALIDATED } from './operation-label';

describe('OperationLabels', () => {
  const labels = () => new OperationLabels(['Feed', 'StartThread']);

  it('keeps a validated known name as its own label', () => {
    expect(labels().label('Feed', true)).toBe('Feed');
    expect(labels().label('StartThread', true)).toBe('StartThread');
  });

  it('never lets an unvalidated document name a label', () => {
    expect(labels().label('Feed', false)).toBe(UNVALIDATED);
  });

  it('folds every name it does not know, so no pseudonym, text or address reaches a label', () => {
    for (const name of ['QuietRiver42', 'my name is Sam', '127.0.0.1', 'feed', 'x'.repeat(65)]) {
      expect(labels().label(name, true)).toBe(OVERFLOW);
    }
  });

  it('names an anonymous operation apart from every client name', () => {
    expect(labels().label(undefined, true)).toBe(UNNAMED);
    expect(labels().label(null, true)).toBe(UNNAMED);
    expect(UNNAMED).not.toMatch(/^[A-Za-z]/);
    expect(UNVALIDATED).not.toMatch(/^[A-Za-z]/);
  });
});
