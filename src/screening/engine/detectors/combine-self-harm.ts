/**
 * The one combination rule of the SELF_HARM families (self-harm-families.ts). Pure.
 *
 * - A strong cue of any family, in the present, holds: a wish to be dead, a plan to end it,
 *   cutting again tonight.
 * - A weak cue of a `framed` family holds when framing surrounds it (intent, immediacy,
 *   hopelessness, a resolve).
 * - Once anything holds, every other cue in the post is listed too: the moderator sees the
 *   whole picture (the letters, the date, the dog given away).
 * - Otherwise two weak cues of different families hold together: preparation or a burden inside
 *   a farewell, a date beside means at hand. Cues that only mean something in a crisis frame
 *   (`post` reach: preparations, farewells, a plan's date, a burden) pair across the whole post,
 *   since a farewell's thanks and its letters sit paragraphs apart; the others pair with a cue
 *   in their own sentence or the next. Two different cues of a family that confirms itself
 * (preparations, farewells, means, self-injury, burden, belonging) hold together too.
 */
import { FAMILY_TRAITS, SelfHarmFamily } from './self-harm-families';

export interface SelfHarmCue {
  family: SelfHarmFamily;
  /** From the family's `.weak` list. */
  weak: boolean;
  /** Framing around it: intent words or immediacy in its sentence, despair or a resolve. */
  framed: boolean;
  /** Which phrase matched: two preparations count only when they differ. */
  kind: string;
  /** Sentence index in the post. */
  sentence: number;
  /** A stated decision standing alone ("I've decided."): reads like a preparation. */
  bareResolve?: boolean;
}

/**
 * Families whose different cues confirm each other: letters and a pet given away; a thanks,
 * a "won't be posting again" and a goodbye; cutting my arm and "it's not a suicide thing".
 */
const PAIRS_WITHIN: ReadonlySet<SelfHarmFamily> = new Set(['preparation', 'farewell', 'injury', 'method', 'belonging', 'burden']);

const reachesPost = (c: SelfHarmCue): boolean => c.bareResolve === true || FAMILY_TRAITS[c.family].weak === 'combined';

function standsAlone(c: SelfHarmCue): boolean {
  return !c.weak || (FAMILY_TRAITS[c.family].weak === 'framed' && c.framed && c.bareResolve !== true);
}

function supports(other: SelfHarmCue, cue: SelfHarmCue): boolean {
  if (other.family === cue.family) return PAIRS_WITHIN.has(cue.family) && other.kind !== cue.kind;
  return Math.abs(other.sentence - cue.sentence) <= 1 || (reachesPost(other) && reachesPost(cue));
}

/** For each cue, in order: does it hold? */
export function combineSelfHarm(cues: readonly SelfHarmCue[]): boolean[] {
  if (cues.some(standsAlone)) return cues.map(() => true);
  return cues.map((cue, i) => cues.some((other, j) => j !== i && supports(other, cue)));
}
