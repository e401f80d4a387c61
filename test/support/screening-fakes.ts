/** A screening decision for pure specs: a plain PUBLISH unless told otherwise. */
import type { ScreeningDecision } from '../../src/screening/engine/types';

export const screeningDecision = (partial: Partial<ScreeningDecision> = {}): ScreeningDecision => ({
  outcome: 'PUBLISH',
  categories: [],
  priority: null,
  reasons: [],
  suggestions: [],
  crisisResources: false,
  ...partial,
});
