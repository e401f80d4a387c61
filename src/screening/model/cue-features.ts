/**
 * The rules' phrase-list matches as model input. The rules hold a post only when a cue and its
 * context agree (present tense, first person, not negated); the model sees every match, weak
 * or not, and learns how much each list is worth beside the words around it. Only the lists
 * the model was trained with count: a list an operator adds later has no weight of its own,
 * and hashed, it would borrow another feature's.
 */
import type { Doc } from '../engine/doc';
import type { CueHit, FeatureToken, ModelInput } from './features';

/**
 * A list's third match says little its first two did not, and a post that repeats one phrase
 * would otherwise outweigh everything else in it.
 */
export const MAX_HITS_PER_LIST = 2;

/** The first MAX_HITS_PER_LIST matches of each list in `known`, in the order the matcher found them. */
export function cueHits(doc: Pick<Doc, 'byList'>, known: ReadonlySet<string>): CueHit[] {
  const out: CueHit[] = [];
  for (const [list, found] of doc.byList) {
    if (!known.has(list)) continue;
    for (const m of found.slice(0, MAX_HITS_PER_LIST)) out.push({ list, from: m.start, span: m.end - m.start });
  }
  return out;
}

/** The model's input for an analysed post. */
export function modelInput(doc: Pick<Doc, 'byList' | 'tokens'>, known: ReadonlySet<string>): ModelInput {
  const tokens: FeatureToken[] = doc.tokens;
  return { tokens, cues: cueHits(doc, known) };
}
