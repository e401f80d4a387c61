/**
 * E-mail addresses and social handles, found around each "@" with bounded scans (at most 64
 * characters left, 255 right), so the work stays linear whatever the input.
 */
import type { Doc } from '../../doc';

const LOCAL = /[a-z0-9._%+-]/;
const DOMAIN = /[a-z0-9.-]/;
const HANDLE = /[a-z0-9_.]/;

export interface CharHit {
  /** Original span. */
  start: number;
  end: number;
  value: string;
}

function span(doc: Doc, a: number, b: number): { start: number; end: number } {
  return { start: doc.norm.starts[a], end: doc.norm.ends[b - 1] };
}

export function findEmailsAndHandles(doc: Doc): { emails: CharHit[]; handles: CharHit[] } {
  const s = doc.norm.text;
  const emails: CharHit[] = [];
  const handles: CharHit[] = [];
  for (let p = s.indexOf('@'); p >= 0; p = s.indexOf('@', p + 1)) {
    let a = p;
    while (a > 0 && p - a < 64 && LOCAL.test(s[a - 1])) a--;
    let b = p + 1;
    while (b < s.length && b - p < 255 && DOMAIN.test(s[b])) b++;
    while (b > p + 1 && (s[b - 1] === '.' || s[b - 1] === '-')) b--;
    const domain = s.slice(p + 1, b);
    const parts = domain.split('.');
    const tld = parts[parts.length - 1];
    if (a < p && parts.length >= 2 && parts.every((x) => x.length > 0) && /^[a-z]{2,}$/.test(tld)) {
      emails.push({ ...span(doc, a, b), value: s.slice(a, b) });
      continue;
    }
    if (a < p) continue;
    let h = p + 1;
    while (h < s.length && h - p <= 30 && HANDLE.test(s[h])) h++;
    while (h > p + 1 && s[h - 1] === '.') h--;
    const handle = s.slice(p + 1, h);
    if (handle.length >= 2 && /[a-z]/.test(handle)) handles.push({ ...span(doc, p, h), value: handle });
  }
  return { emails, handles };
}
