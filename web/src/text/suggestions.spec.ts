import { alternatives, applySuggestion } from './suggestions';

const suggestion = {
  term: 'addict',
  suggestion: 'person with a substance use disorder / person in recovery',
  explanation: '',
  start: 6,
  end: 12,
};

describe('applying a person-first suggestion', () => {
  it('offers each alternative wording on its own', () => {
    expect(alternatives(suggestion)).toEqual(['person with a substance use disorder', 'person in recovery']);
  });

  it('replaces the words it was about with the wording chosen', () => {
    expect(applySuggestion('I was addict for years', suggestion, 'person in recovery')).toBe('I was person in recovery for years');
  });

  it('leaves the text alone when the words moved since the check (the writer kept typing)', () => {
    expect(applySuggestion('Oh, I was addict for years', suggestion, 'person in recovery')).toBe('Oh, I was addict for years');
  });
});
