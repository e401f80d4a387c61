import type { ScreeningCategory } from './engine/types';

/**
 * What the author is told, per category, in plain words: no rule names, no blame. The
 * moderators get the detailed reasons with spans on the case instead.
 */
export const AUTHOR_REASON: Record<ScreeningCategory, string> = {
  SELF_HARM:
    'Your post sounds like you may be thinking about hurting yourself or ending your life. A moderator will read it soon. You are not alone: the crisis lines below are there for you right now.',
  OVERDOSE_EMERGENCY:
    'Your post sounds like someone may be overdosing right now. Call 911 first, give naloxone if you have it, and stay with them. A moderator will read your post soon.',
  DRUG_SOURCING: 'Your post seems to be about buying, selling or trading drugs or medication, which Kindred does not allow. A moderator will review it.',
  DOSING_INSTRUCTIONS: 'Your post seems to ask for or give instructions on using drugs for effect or beating a drug test, which Kindred does not allow. A moderator will review it.',
  PERSONAL_INFO: 'Your post seems to contain details that could identify someone (a phone number, e-mail, address, handle or real name). To keep everyone safe, a moderator will review it.',
  HARASSMENT: 'Your post seems to contain words aimed at hurting someone. A moderator will review it.',
  STIGMA: 'Your post seems to use words that shame people who use drugs or take medication for recovery. A moderator will review it.',
  SPAM: 'Your post looks like advertising or spam. A moderator will review it.',
};

export const NUDGE_REASON = 'Your post is live. We noticed a few words you might want to change; the suggestions are only visible to you.';
