/** A person-first language suggestion from the API: UTF-16 offsets into the body. */
export interface Suggestion {
  term: string;
  suggestion: string;
  explanation: string;
  start: number;
  end: number;
}

/** The wordings a suggestion offers: the API separates alternatives with " / ". */
export function alternatives(suggestion: Suggestion): string[] {
  return suggestion.suggestion
    .split(' / ')
    .map((wording) => wording.trim())
    .filter((wording) => wording !== '');
}

/** Puts one wording in the suggestion's span, if the words there are still the ones it was about. */
export function applySuggestion(body: string, suggestion: Suggestion, wording: string): string {
  if (body.slice(suggestion.start, suggestion.end) !== suggestion.term) return body;
  return body.slice(0, suggestion.start) + wording + body.slice(suggestion.end);
}
