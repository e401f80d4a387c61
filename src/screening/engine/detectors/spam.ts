/**
 * SPAM: ads, link farms, money schemes, rehab lead generation, repeated posts. Held (LOW) on
 * promotional language with a link, or two promotional cues, or a money scheme. Rejected
 * only when certain: the same text 3+ times in an hour, or a known spam pattern with a link.
 * Links to safe domains (.gov, hotlines) never count as promotional.
 */
import type { Doc } from '../doc';
import { inLexicon, matches } from '../doc';
import { isNegated } from '../context/negation';
import type { Reason, ScreeningContext } from '../types';
import { reason } from './reason';

/** Token indices where a link starts: http(s)://..., www...., name.tld, or "name dot tld". */
export function findLinks(doc: Doc): Array<{ at: number; domain: string }> {
  const t = doc.tokens;
  const out: Array<{ at: number; domain: string }> = [];
  for (let k = 0; k + 1 < t.length; k++) {
    const dot = doc.text.slice(t[k].end, t[k + 1].start);
    if (dot === '.' && inLexicon(doc, 'tld', k + 1) && /^[a-z0-9_-]+$/.test(t[k].key)) {
      const domain = `${t[k].key}.${t[k + 1].key}`;
      if (!out.some((o) => o.at === k - 2 || o.at === k - 1)) out.push({ at: k, domain });
    } else if (t[k].key === 'dot' && k > 0 && inLexicon(doc, 'tld', k + 1) && /^[a-z0-9_-]+$/.test(t[k - 1].key)) {
      // "glamlashes dot com": a link spelled out to slip past link filters.
      const domain = `${t[k - 1].key}.${t[k + 1].key}`;
      if (!out.some((o) => o.at >= k - 3)) out.push({ at: k - 1, domain });
    } else if ((t[k].key === 'http' || t[k].key === 'https') && doc.text.slice(t[k].end, t[k].end + 3) === '://') {
      out.push({ at: k, domain: '' });
    }
  }
  return out;
}

function isSafe(doc: Doc, domain: string): boolean {
  return (
    domain !== '' &&
    doc.rules.safeDomains.some((d) => domain === d || domain.endsWith(`.${d}`) || (!d.includes('.') && domain.endsWith(`.${d}`)))
  );
}

export function detectSpam(doc: Doc, context: ScreeningContext | undefined): Reason[] {
  const out: Reason[] = [];
  const dup = context?.recentDuplicateCount ?? 0;
  if (dup >= 2 && doc.tokens.length > 0) {
    out.push(reason(doc, 'SPAM', 'REJECT', 0, doc.tokens.length, `same text posted ${dup + 1} times within an hour`));
  }
  const links = findLinks(doc).filter((l) => !isSafe(doc, l.domain));
  const live = (list: string) => matches(doc, list).filter((m) => !isNegated(doc, m.start));
  const promo = live('spam.promo');
  const scheme = live('spam.scheme');
  const known = live('spam.known');
  const distinctPromo = new Set(promo.map((m) => m.source)).size;
  const link = links[0];
  if (known.length > 0 && link) {
    out.push(reason(doc, 'SPAM', 'REJECT', known[0].start, known[0].end, 'known spam pattern with a link'));
  } else {
    // Without a link, a known pattern told as the author's past ("I paid off a payday loan")
    // is a story, not an ad.
    const told = (m: { start: number }): boolean =>
      ['context.pastVerb', 'context.pastStrong'].some((list) =>
        matches(doc, list).some(
          (p) => p.end <= m.start && p.end >= m.start - 3 && doc.tokens[p.start].sentence === doc.tokens[m.start].sentence,
        ),
      );
    const current = known.find((m) => !told(m));
    if (current) out.push(reason(doc, 'SPAM', 'HOLD', current.start, current.end, 'known spam pattern'));
  }
  if (scheme.length > 0) out.push(reason(doc, 'SPAM', 'HOLD', scheme[0].start, scheme[0].end, 'money or crypto scheme'));
  else if (link && distinctPromo >= 1)
    out.push(reason(doc, 'SPAM', 'HOLD', promo[0].start, promo[0].end, 'promotional language with a link'));
  else if (distinctPromo >= 2) out.push(reason(doc, 'SPAM', 'HOLD', promo[0].start, promo[promo.length - 1].end, 'promotional language'));
  return out;
}
