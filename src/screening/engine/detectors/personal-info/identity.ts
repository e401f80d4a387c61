/**
 * Full names and workplaces. A capitalized first name (from the names lexicon) followed by a
 * capitalized surname identifies someone when its sentence also says who they are to the
 * author or where they are ("my brother John Mitchell", "name is", "works at"). A workplace
 * identifies when it is named and located or paired with a role ("works at the Kroger on Main").
 */
import type { Doc } from '../../doc';
import { inLexicon, matches, sentenceOf } from '../../doc';

function sentenceContext(doc: Doc, index: number): boolean {
  const s = sentenceOf(doc, index);
  if (matches(doc, 'personalInfo.identifying').some((m) => m.start >= s.start && m.end <= s.end)) return true;
  // Who they are to the author ("my brother"), or what they do ("the nurse at the clinic").
  for (let k = s.start; k < s.end; k++) if (inLexicon(doc, 'relation', k) || inLexicon(doc, 'role', k)) return true;
  return false;
}

export function findFullNames(doc: Doc): Array<{ from: number; to: number }> {
  const t = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  for (let k = 0; k + 1 < t.length; k++) {
    const a = t[k];
    const b = t[k + 1];
    if (!a.cap || !b.cap || a.expanded || b.expanded || a.sentence !== b.sentence) continue;
    if (!inLexicon(doc, 'firstName', k) || inLexicon(doc, 'notSurname', k + 1) || !/^[a-z][a-z'-]+$/.test(b.key)) continue;
    if (!/^\s$/.test(doc.text.slice(a.end, b.start))) continue;
    if (sentenceContext(doc, k)) out.push({ from: k, to: k + 2 });
  }
  return out;
}

/** Is token k a word saying what someone does for work: works, teach, nurse, cashier...? */
function workWord(doc: Doc, k: number): 'verb' | 'role' | null {
  if (inLexicon(doc, 'workVerb', k)) return 'verb';
  if (inLexicon(doc, 'role', k)) return 'role';
  return null;
}

/**
 * A named workplace: "works at the Kroger on Main", "I'm the night nurse at St. Mary's in
 * Toledo", "I teach 4th grade at Lincoln Elementary in Dayton". A work verb or a role word,
 * then within three words "at"/"for" and a capitalized name. It identifies when it is located
 * ("in Toledo", "on Main") or paired with a role. When words stand between the verb or role
 * and "at", the job must also be someone's (I, my wife, he: not "the nurse at the ER in
 * Dayton") and the place located or, after a role, a name of two capitalized words.
 */
export function findWorkplaces(doc: Doc): Array<{ from: number; to: number }> {
  const t = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  let lastEnd = -1;
  // Which sentences name a role, computed once so the scan stays linear.
  const roleInSentence = doc.sentences.map(() => false);
  for (let q = 0; q < t.length; q++) if (inLexicon(doc, 'role', q)) roleInSentence[t[q].sentence] = true;
  for (let k = 0; k + 2 < t.length; k++) {
    const kind = workWord(doc, k);
    if (!kind || k < lastEnd) continue;
    const s = sentenceOf(doc, k);
    let at = -1;
    for (let q = k + 1; q <= k + 4 && q + 1 < s.end; q++) {
      if (t[q].key === 'at' || t[q].key === 'for') {
        at = q;
        break;
      }
      if (q > k + 1 && workWord(doc, q)) break;
    }
    if (at < 0) continue;
    let w = at + 1;
    if (t[w].key === 'the' && w + 1 < s.end) w++;
    if (!t[w].cap || inLexicon(doc, 'notSurname', w)) continue;
    let located = false;
    for (let q = w + 1; q <= w + 3 && q + 1 < s.end; q++) {
      if (['on', 'in', 'near', 'by', 'off'].includes(t[q].key) && (t[q + 1].cap || t[q + 1].numeric)) located = true;
    }
    const role = roleInSentence[t[k].sentence];
    let owned = false;
    for (let q = Math.max(s.start, k - 4); q < k; q++)
      if (inLexicon(doc, 'selfMarker', q) || inLexicon(doc, 'otherSpecificMarker', q) || inLexicon(doc, 'relation', q)) owned = true;
    const named = w + 1 < s.end && t[w + 1].cap && !inLexicon(doc, 'notSurname', w + 1);
    const direct = kind === 'verb' && at === k + 1;
    const identifies = direct ? located || role : owned && (located || (kind === 'role' && named));
    if (identifies) {
      out.push({ from: k, to: Math.min(s.end, w + 3) });
      lastEnd = w + 1;
    }
  }
  return out;
}
