import type { Outcome, ScreeningCategory } from './engine/types';

/**
 * What the author is told, in plain words: no rule names, no blame. The moderators get
 * the detailed reasons with spans on the case instead. The same concern reads differently
 * for a post already submitted and for a draft being checked before posting.
 */
const CONCERN: Record<ScreeningCategory, string> = {
  SELF_HARM:
    'Your words sound like you may be thinking about hurting yourself or ending your life. You are not alone: the crisis lines below are there for you right now.',
  OVERDOSE_EMERGENCY:
    'Your words sound like someone may be overdosing right now. Call 911 first, give naloxone if you have it, and stay with them.',
  DRUG_SOURCING: 'Your words seem to be about buying, selling or trading drugs or medication, which Kindred does not allow.',
  DOSING_INSTRUCTIONS:
    'Your words seem to ask for or give instructions on using drugs for effect or beating a drug test, which Kindred does not allow.',
  PERSONAL_INFO:
    'Your words seem to contain details that could identify someone (a phone number, e-mail, address, handle or real name). To keep everyone safe, a moderator checks these first.',
  HARASSMENT: 'Your words seem to be aimed at hurting someone.',
  STIGMA: 'Your words seem to shame people who use drugs or take medication for recovery.',
  SPAM: 'Your words look like advertising or spam.',
};

export type ReasonAudience = 'post' | 'draft';

const HELD_NEXT: Record<ReasonAudience, string> = {
  post: 'A moderator will read your post soon; until then only you can see it.',
  draft: 'If you post this, a moderator will read it before anyone else sees it.',
};

const NUDGE: Record<ReasonAudience, string> = {
  post: 'Your post is live. We noticed a few words you might want to change; the suggestions are only visible to you.',
  draft: 'We noticed a few words you might want to change; the suggestions are only visible to you.',
};

const REJECTED: Record<ReasonAudience, string> = {
  post: 'Your post was not published: it looks like spam.',
  draft: 'If you post this, it will not be published: it looks like spam.',
};

/** The author's reasons for an outcome; `heldCategories` are those of the held reasons. */
export function authorReasons(outcome: Outcome, heldCategories: readonly ScreeningCategory[], audience: ReasonAudience): string[] {
  switch (outcome) {
    case 'PUBLISH':
      return [];
    case 'PUBLISH_WITH_SUGGESTIONS':
      return [NUDGE[audience]];
    case 'REJECT':
      return [REJECTED[audience]];
    case 'HOLD':
      return [...heldCategories.map((category) => CONCERN[category]), HELD_NEXT[audience]];
  }
}
