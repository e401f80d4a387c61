import { ResourceTopic } from './resource-vocabulary';

/**
 * Pure: where a held post's author is pointed. A post held for DOSING_INSTRUCTIONS is often
 * a real question about a medication; the forum cannot answer it safely, the author's
 * prescriber can. So the author is pointed to the medication resources and to the questions
 * to ask a prescriber, beside (never instead of) the crisis resources of a crisis hold.
 * Screening's decision is not touched: this only adds help to what the author is shown.
 */
export const DOSING_CATEGORY = 'DOSING_INSTRUCTIONS';

export const DOSING_TOPICS: readonly ResourceTopic[] = [ResourceTopic.MEDICATION, ResourceTopic.PRESCRIBER_QUESTIONS];

export function topicsForHold(outcome: string, categories: readonly string[]): readonly ResourceTopic[] {
  return outcome === 'HOLD' && categories.includes(DOSING_CATEGORY) ? DOSING_TOPICS : [];
}

/** Added to the POST_HELD notification's plain words when the hold is for DOSING_INSTRUCTIONS. */
export const DOSING_HOLD_POINTER =
  'Questions about a medication and its dose are best answered by your prescriber or pharmacist: ' +
  'the Resources page has where to get medications for opioid use disorder and questions to ask your prescriber.';

export function heldMessage(base: string, categories: readonly string[]): string {
  return categories.includes(DOSING_CATEGORY) ? `${base} ${DOSING_HOLD_POINTER}` : base;
}
