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
  for (let k = s.start; k < s.end; k++) if (inLexicon(doc, 'relation', k)) return true;
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

export function findWorkplaces(doc: Doc): Array<{ from: number; to: number }> {
  const t = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  for (let k = 0; k + 2 < t.length; k++) {
    if (!inLexicon(doc, 'workVerb', k) || (t[k + 1].key !== 'at' && t[k + 1].key !== 'for')) continue;
    let w = k + 2;
    if (t[w].key === 'the' && w + 1 < t.length) w++;
    if (!t[w].cap || t[w].sentence !== t[k].sentence || inLexicon(doc, 'notSurname', w)) continue;
    const s = sentenceOf(doc, k);
    let located = false;
    for (let q = w + 1; q <= w + 3 && q + 1 < s.end; q++) {
      if (['on', 'in', 'near', 'by', 'off'].includes(t[q].key) && (t[q + 1].cap || t[q + 1].numeric)) located = true;
    }
    let role = false;
    for (let q = s.start; q < s.end; q++) if (inLexicon(doc, 'role', q)) role = true;
    if (located || role) out.push({ from: k, to: Math.min(s.end, w + 3) });
  }
  return out;
}
