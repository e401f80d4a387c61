import type { Outcome, ScreeningCategory, Suggestion } from './engine/types';

/**
 * What screening said about one revision of a post, stored on the post for its author.
 * Reasons here are the author's plain words; the moderators' detailed reasons live on the case.
 */
export interface ScreeningRecord {
  revision: number;
  outcome: Outcome;
  categories: ScreeningCategory[];
  reasons: string[];
  suggestions: Suggestion[];
  crisisResources: boolean;
  screenedAt: string;
}
