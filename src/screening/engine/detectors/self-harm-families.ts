/**
 * SELF_HARM cue families: the severity ladder of the Columbia Suicide Severity Rating Scale
 * (C-SSRS: wish to be dead, active thoughts, thoughts with a method, intent, a plan,
 * preparatory behaviour), the interpersonal theory's perceived burdensomeness and thwarted
 * belonging, farewells, and non-suicidal self-injury in the present.
 *
 * Each family is two phrase lists in data/self-harm.json: `selfHarm.<family>` holds on its own
 * (a present wish to be dead is a crisis however it is worded), `selfHarm.<family>.weak` holds
 * only in combination (see combine-self-harm.ts), because "said my goodbyes", "tonight is the
 * night" or "thank you all for everything" are ordinary words until something else in the post
 * gives them their meaning.
 */
export const SELF_HARM_FAMILIES = [
  'wish',
  'ideation',
  'method',
  'intent',
  'plan',
  'preparation',
  'burden',
  'belonging',
  'farewell',
  'injury',
] as const;

export type SelfHarmFamily = (typeof SELF_HARM_FAMILIES)[number];

/**
 * How a family's weak cue earns a hold:
 * - `framed`: by framing around it (intent words or immediacy in its sentence, hopelessness or a
 *   resolve in the post) or by any held cue: "end it" beside "I can't do this anymore".
 * - `combined`: only beside a cue of another family (or, for preparation, a second kind of
 *   preparation): letters to the kids and a dog given away; a burden inside a farewell.
 */
export type WeakRule = 'framed' | 'combined';

/**
 * Which past cancels a cue: `any` past tense ("I wanted to die back then"), or only an explicit
 * past time (`explicit`: in 2019, years ago), for families whose acts are told in the past
 * because they are done already ("I wrote the letters", "I counted the pills").
 */
export type PastRule = 'any' | 'explicit';

export interface FamilyTraits {
  /** What a moderator reads in the reason: the clinical name of the cue. */
  label: string;
  weak: WeakRule;
  past: PastRule;
}

export const FAMILY_TRAITS: Readonly<Record<SelfHarmFamily, FamilyTraits>> = {
  wish: { label: 'wish to be dead', weak: 'framed', past: 'any' },
  ideation: { label: 'thoughts of suicide', weak: 'framed', past: 'any' },
  method: { label: 'thoughts with a method or means at hand', weak: 'framed', past: 'explicit' },
  intent: { label: 'intent to act', weak: 'framed', past: 'any' },
  plan: { label: 'a plan with a time or place', weak: 'combined', past: 'explicit' },
  preparation: { label: 'preparations', weak: 'combined', past: 'explicit' },
  burden: { label: 'feeling a burden', weak: 'combined', past: 'any' },
  belonging: { label: 'feeling nobody would notice or care', weak: 'combined', past: 'any' },
  farewell: { label: 'a farewell', weak: 'combined', past: 'explicit' },
  injury: { label: 'self-injury in the present', weak: 'framed', past: 'any' },
};

export const familyList = (family: SelfHarmFamily, weak: boolean): string => `selfHarm.${family}${weak ? '.weak' : ''}`;
