/**
 * Phone numbers, written in digits ("614-555-0192", "(614) 555 0192") or spelled out ("six one
 * four five five five..."), built from runs of number tokens separated only by phone
 * punctuation. Public hotlines (988, 1-800-662-HELP, 741741) and toll-free numbers belong to
 * organizations, not people, and never count; nor does a number given as an organization's
 * ("the clinic's intake line is ...") when nothing around it offers a person's own contact
 * ("call me", "my cell").
 */
import type { Doc } from '../../doc';
import { inLexicon, matches, sentenceOf } from '../../doc';

const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  // Spanish, for numbers spelled out in a Spanish or Spanglish post
  cero: '0',
  uno: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
};
const GAP = /^[\s\-.()+/]{0,3}$/;
/** A comma between groups, as in "six one four, three three two, ...": only in the shape of a phone number. */
const COMMA_GAP = /^\s{0,2},\s{0,2}$/;
const PHONE_GROUPS = ['3,3,4', '3,4', '1,3,3,4'];

function digitsOf(key: string, inRun: boolean): string | null {
  if (/^[0-9]+$/.test(key)) return key;
  const d = DIGIT_WORDS[key];
  if (d === undefined || (key === 'oh' && !inRun)) return null;
  return d;
}

export interface PhoneHit {
  from: number;
  to: number;
  digits: string;
}

export function isPublicNumber(doc: Doc, digits: string): boolean {
  const r = doc.rules;
  const bare = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (r.hotlines.has(digits) || r.hotlines.has(bare)) return true;
  return r.tollFreePrefixes.some((p) => digits.startsWith(p) || bare.startsWith(p));
}

/**
 * An organization's number: an organization word (clinic, hospital, program, front desk) in the
 * number's sentence or the one before, and nothing that makes it a person's: a personal contact
 * ("text me", "my number") in either sentence, a personal phone word in its own ("cell",
 * "extension", "WhatsApp"), or a contact verb whose words up to the number name no
 * organization ("call Rev. Jerome at", "text her at", "text 610...": a person's).
 */
export function isOrganizationNumber(doc: Doc, from: number): boolean {
  const own = sentenceOf(doc, from);
  const index = doc.tokens[from].sentence;
  const start = index > 0 ? doc.sentences[index - 1].start : own.start;
  const has = (lexicon: string, a: number, b: number): boolean => {
    for (let k = a; k < b; k++) if (inLexicon(doc, lexicon, k)) return true;
    return false;
  };
  if (matches(doc, 'personalInfo.personalContact').some((m) => m.start >= start && m.start < own.end)) return false;
  if (has('personalPhoneWord', own.start, own.end)) return false;
  for (let k = from - 1; k >= start; k--) if (inLexicon(doc, 'contactVerb', k)) return has('organization', k + 1, from);
  return has('organization', start, own.end);
}

export function findPhones(doc: Doc): PhoneHit[] {
  const t = doc.tokens;
  const out: PhoneHit[] = [];
  let i = 0;
  while (i < t.length) {
    const first = digitsOf(t[i].key, false);
    if (first === null || t[i].expanded) {
      i++;
      continue;
    }
    let digits = first;
    const groups = [first.length];
    let words = first.length === 1 && !/[0-9]/.test(t[i].key);
    let j = i + 1;
    // Digit counts between commas; a comma-separated run counts only in a phone number's shape
    // (so "one, two, three, four, five, six, seven" stays a count).
    const commaGroups = [first.length];
    let commas = false;
    while (j < t.length && digits.length <= 12) {
      const gap = doc.text.slice(t[j - 1].end, Math.min(t[j].start, t[j - 1].end + 5));
      const comma = COMMA_GAP.test(gap);
      if (t[j].start - t[j - 1].end > 4 || (!GAP.test(gap) && !comma)) break;
      const d = digitsOf(t[j].key, true);
      if (d === null || t[j].expanded) break;
      if (comma) {
        commas = true;
        commaGroups.push(0);
      }
      commaGroups[commaGroups.length - 1] += d.length;
      if (!/[0-9]/.test(t[j].key)) words = true;
      digits += d;
      groups.push(d.length);
      j++;
    }
    if (commas && !PHONE_GROUPS.includes(commaGroups.join(','))) {
      i = j;
      continue;
    }
    const n = digits.length;
    // "+44 7700 900123", "+52 55 1234 5678": a leading "+" marks an international number.
    const international = doc.text[t[i].start - 1] === '+' && n >= 9 && n <= 13 && groups.length >= 2;
    const looksLikePhone =
      international ||
      n === 10 ||
      (n === 11 && digits[0] === '1') ||
      (n === 7 && groups.length === 2 && groups[0] === 3 && groups[1] === 4) ||
      (words && n >= 7 && n <= 11);
    if (looksLikePhone && !isPublicNumber(doc, digits) && !isOrganizationNumber(doc, i)) out.push({ from: i, to: j, digits });
    i = j;
  }
  return out;
}
