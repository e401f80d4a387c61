import { SCREENING_CATEGORIES } from './engine/vocabulary';

/**
 * What a moderation case's reason can be about: the engine's categories, plus OTHER for a
 * member's report that fits none of them (the engine never decides OTHER).
 */
export const REASON_CATEGORIES = [...SCREENING_CATEGORIES, 'OTHER'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];
