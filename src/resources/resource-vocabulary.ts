import { enumOf } from '../common/vocabulary/enum-of';

/**
 * What the resource library covers, in the order the Resources page shows its sections.
 * MEDICATION and PRESCRIBER_QUESTIONS are what a post held for DOSING_INSTRUCTIONS points
 * its author to (dosing-pointer.ts).
 */
export const RESOURCE_TOPICS = [
  'CRISIS',
  'MEDICATION',
  'PRESCRIBER_QUESTIONS',
  'NALOXONE',
  'TEST_STRIPS',
  'TREATMENT',
  'FAMILY_SUPPORT',
] as const;
export type ResourceTopic = (typeof RESOURCE_TOPICS)[number];
export const ResourceTopic = enumOf(RESOURCE_TOPICS);

/** The languages the library is written in; a missing translation falls back to English. */
export const RESOURCE_LOCALES = ['EN', 'ES'] as const;
export type ResourceLocale = (typeof RESOURCE_LOCALES)[number];
export const ResourceLocale = enumOf(RESOURCE_LOCALES);
export const FALLBACK_LOCALE: ResourceLocale = ResourceLocale.EN;
