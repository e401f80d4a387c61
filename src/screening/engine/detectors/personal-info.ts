/**
 * PERSONAL_INFO: anything that can identify a person. Phone numbers (not public hotlines),
 * e-mail addresses (also "name AT gmail DOT com"), street addresses, social handles with a
 * platform or a "follow/add me" beside them, full names with identifying context, and
 * workplace + location/role combinations. A bare "@sam" is a forum mention, not a handle.
 */
import type { Doc } from '../doc';
import { inLexicon, matches } from '../doc';
import type { Reason } from '../types';
import { findAddresses } from './personal-info/address';
import { findEmailsAndHandles } from './personal-info/email';
import { findFullNames, findWorkplaces } from './personal-info/identity';
import { findPhones } from './personal-info/phone';
import { reason } from './reason';

function held(start: number, end: number, detail: string): Reason {
  return { category: 'PERSONAL_INFO', severity: 'HOLD', start, end, detail };
}

/** A platform name followed by a handle: "snap: dan_the_man", "my ig is sobersarah". */
function platformHandles(doc: Doc): Reason[] {
  const t = doc.tokens;
  const out: Reason[] = [];
  for (let k = 0; k < t.length; k++) {
    if (!inLexicon(doc, 'platform', k)) continue;
    for (let h = k + 1; h <= k + 5 && h < t.length && t[h].sentence === t[k].sentence; h++) {
      if (inLexicon(doc, 'handleFiller', h)) continue;
      const gap = doc.text.slice(t[h - 1].end, t[h].start);
      const raw = doc.text.slice(t[h].start, t[h].end);
      const handleLike = /_/.test(raw) || (/[0-9]/.test(raw) && /[a-z]/i.test(raw)) || /[:@]/.test(gap) || t[h - 1].key === 'is';
      if (handleLike && !inLexicon(doc, 'handleStop', h) && raw.length >= 3) {
        out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', k, h + 1, 'social media handle'));
      }
      break;
    }
  }
  return out;
}

/**
 * A licence plate: "plate KTR-4491", "tags are 7BXM212". A plate word, then within three words
 * a code of 5-8 letters and digits with at least two digits (one token or two joined by a
 * dash or a blank), so "a plate of food" or "3 plates" never match.
 */
function licensePlates(doc: Doc): Reason[] {
  const t = doc.tokens;
  const out: Reason[] = [];
  for (let k = 0; k + 1 < t.length; k++) {
    if (!inLexicon(doc, 'plateWord', k)) continue;
    for (let h = k + 1; h <= k + 4 && h < t.length && t[h].sentence === t[k].sentence; h++) {
      if (inLexicon(doc, 'handleFiller', h) || t[h].key === 'number' || t[h].key === 'plate') continue;
      let code = doc.text.slice(t[h].start, t[h].end);
      let end = h + 1;
      if (
        end < t.length &&
        /^[ -]$/.test(doc.text.slice(t[h].end, t[end].start)) &&
        t[end].sentence === t[h].sentence &&
        code.length <= 4
      ) {
        code += doc.text.slice(t[end].start, t[end].end);
        end++;
      }
      const digits = code.replace(/[^0-9]/g, '').length;
      if (/^[A-Za-z0-9]{5,8}$/.test(code) && digits >= 2 && digits < code.length)
        out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', k, end, 'licence plate'));
      break;
    }
  }
  return out;
}

export function detectPersonalInfo(doc: Doc): Reason[] {
  const out: Reason[] = [];
  for (const p of findPhones(doc)) out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', p.from, p.to, 'phone number (not a public hotline)'));
  const { emails, handles } = findEmailsAndHandles(doc);
  for (const e of emails) out.push(held(e.start, e.end, `e-mail address: "${e.value}"`));
  for (const m of matches(doc, 'personalInfo.obfuscatedEmail'))
    out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', m.start, m.end, 'e-mail address written out'));
  const social = matches(doc, 'personalInfo.socialContext').length > 0 || doc.tokens.some((_, k) => inLexicon(doc, 'platform', k));
  if (social) for (const h of handles) out.push(held(h.start, h.end, `social media handle: "@${h.value}"`));
  out.push(...platformHandles(doc));
  for (const a of findAddresses(doc)) out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', a.from, a.to, 'street address'));
  for (const n of findFullNames(doc)) out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', n.from, n.to, 'full name with identifying context'));
  out.push(...licensePlates(doc));
  for (const w of findWorkplaces(doc)) out.push(reason(doc, 'PERSONAL_INFO', 'HOLD', w.from, w.to, 'workplace with location or role'));
  return out;
}
