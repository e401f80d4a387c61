import { forumErrors } from './forum.errors';
import { ContentWarning } from './post-status';

/** Pure checks of what a member wrote; the services call these before touching the database. */

function length(text: string): number {
  // Count characters as people see them (code points), not UTF-16 units.
  return [...text].length;
}

export function validateTitle(raw: unknown, max: number): string {
  const title = typeof raw === 'string' ? raw.trim() : '';
  if (title === '') throw forumErrors.invalid('Please give your thread a title.', 'title');
  if (length(title) > max) throw forumErrors.invalid(`Titles can be at most ${max} characters (this one has ${length(title)}).`, 'title');
  return title;
}

export function validateBody(raw: unknown, max: number): string {
  const body = typeof raw === 'string' ? raw.trim() : '';
  if (body === '') throw forumErrors.invalid('Please write something before posting.', 'body');
  if (length(body) > max) throw forumErrors.invalid(`Posts can be at most ${max} characters (this one has ${length(body)}).`, 'body');
  return body;
}

const WARNINGS = new Set<string>(Object.values(ContentWarning));

/** Known warnings only, each once, in the order given; null and undefined mean none. */
export function normalizeContentWarnings(raw: readonly unknown[] | null | undefined): ContentWarning[] {
  if (raw === null || raw === undefined) return [];
  const result: ContentWarning[] = [];
  for (const value of raw) {
    if (typeof value !== 'string' || !WARNINGS.has(value))
      throw forumErrors.invalid(`"${String(value)}" is not a content warning we know.`, 'contentWarnings');
    if (!result.includes(value as ContentWarning)) result.push(value as ContentWarning);
  }
  return result;
}

export const SEARCH_QUERY_MAX = 200;

export function validateSearchQuery(raw: unknown): string {
  const query = typeof raw === 'string' ? raw.trim() : '';
  if (query === '') throw forumErrors.invalid('Please type something to search for.', 'query');
  if (length(query) > SEARCH_QUERY_MAX) throw forumErrors.invalid(`Searches can be at most ${SEARCH_QUERY_MAX} characters.`, 'query');
  return query;
}
