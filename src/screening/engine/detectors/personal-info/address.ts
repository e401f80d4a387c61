/**
 * Street addresses: a house number, one or two street-name words, a street suffix ("1423 Oak
 * Street", "22 W 5th Ave"), separated by blanks only. Counting words ("2 kids on Main Street",
 * "a 2 hour drive") stop the match, and so does punctuation ("Courtroom 201 (drug court)",
 * "in 1998, on Park Street", "3/ Full circle").
 */
import type { Doc } from '../../doc';
import { inLexicon } from '../../doc';

const FULL_SUFFIX = new Set(['street', 'avenue', 'road', 'drive', 'lane', 'boulevard', 'court', 'terrace', 'parkway', 'highway']);

export function findAddresses(doc: Doc): Array<{ from: number; to: number }> {
  const t = doc.tokens;
  const out: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < t.length; k++) {
    if (!t[k].numeric || t[k].key.length > 5) continue;
    for (let m = k + 2; m <= k + 3 && m < t.length; m++) {
      if (t[m].sentence !== t[k].sentence || !inLexicon(doc, 'streetSuffix', m)) continue;
      let ok = true;
      for (let w = k + 1; w <= m; w++) if (!/^\s+$/.test(doc.text.slice(t[w - 1].end, t[w].start))) ok = false;
      for (let w = k + 1; w < m; w++) {
        const word = t[w];
        const nameLike = word.cap || /^[0-9]+(st|nd|rd|th)$/.test(word.key) || (FULL_SUFFIX.has(t[m].key) && /^[a-z]+$/.test(word.key));
        if (!nameLike || inLexicon(doc, 'addressStop', w) || inLexicon(doc, 'streetSuffix', w)) ok = false;
      }
      if (!ok) continue;
      let to = m + 1;
      if (to + 1 < t.length && inLexicon(doc, 'unitWord', to) && t[to + 1].sentence === t[k].sentence) to += 2;
      out.push({ from: k, to });
      break;
    }
  }
  return out;
}
