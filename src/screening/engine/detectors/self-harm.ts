/**
 * SELF_HARM: suicidal ideation, plans, intent to overdose on purpose, preparations, farewells,
 * feeling a burden, and present self-injury, about the author or a person they name. Cues come
 * in families (self-harm-families.ts); one rule combines them (combine-self-harm.ts). Past
 * survival publishes ("I tried to end my life in 2019, today I coach others"); present intent
 * is URGENT. Idioms ("dying to see my kids") never count.
 *
 * Before combining, each cue is read in context: negated ("I don't want to die, I want to
 * stop hurting"), someone else's words (a support frame: "if you're thinking of ending it,
 * call 988"; a cited song), or in the past (by the family's past rule) drop it. "suicide" and
 * "suicidal" need a person (me, my brother). Continuation phrases ("I still feel that way",
 * "try again") fire after any self-harm talk, even past.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { clauseHas, tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { combineSelfHarm, SelfHarmCue } from './combine-self-harm';
import { reason, without } from './reason';
import { FAMILY_TRAITS, familyList, SELF_HARM_FAMILIES, SelfHarmFamily } from './self-harm-families';

function hasPerson(doc: Doc, m: Match): boolean {
  const c = clauseOf(doc, m.start);
  for (let k = c.start; k < c.end; k++) {
    if (inLexicon(doc, 'selfMarker', k) || inLexicon(doc, 'otherSpecificMarker', k)) return true;
  }
  return false;
}

function inSentence(doc: Doc, list: string, m: Match): boolean {
  const s = sentenceOf(doc, m.start);
  return matches(doc, list).some((x) => x.start >= s.start && x.end <= s.end && (x.end <= m.start || x.start >= m.end));
}

/**
 * Not the author's own present words: a support or teaching frame before the cue in its clause
 * ("if you're thinking of ending it, call 988", "when someone says they want to die", "my
 * therapist asked if I had a plan to hurt myself"), or a quoted line the sentence cites as a
 * song, poem or book. A first-person condition ("if I don't wake up, good") is not a frame, and
 * a quote without a citation ("my son told me 'I want to die'") still counts.
 */
function notOwnStatement(doc: Doc, m: Match): boolean {
  const c = clauseOf(doc, m.start);
  if (matches(doc, 'selfHarm.frame').some((f) => f.start >= c.start && f.end <= m.start)) return true;
  if (!doc.quoted[m.start]) return false;
  const s = sentenceOf(doc, m.start);
  return matches(doc, 'context.citation').some((x) => x.start >= s.start && x.end <= s.end && !doc.quoted[x.start]);
}

/** Set in an explicit past time ("in 2019", "years ago") in its clause or sentence. */
function explicitlyPast(doc: Doc, m: Match): boolean {
  return clauseHas(doc, 'context.pastStrong', m.start, m.end) || inSentence(doc, 'context.pastStrong', m);
}

/** Self-harm reads ongoing frames and periods inside the cue as present: see TenseOptions. */
const SELF = { periods: true };

interface Found {
  cue: SelfHarmCue;
  match: Match;
  recent: boolean;
}

/** Why a weak cue holds, for the moderator: its framing, or the other cues beside it. */
function howWeakHeld(cue: SelfHarmCue): string {
  const framedAlone = FAMILY_TRAITS[cue.family].weak === 'framed' && cue.framed && cue.bareResolve !== true;
  return framedAlone ? 'with intent, immediacy or hopelessness around it' : 'beside other self-harm cues';
}

export function detectSelfHarm(doc: Doc): Reason[] {
  const idioms = matches(doc, 'selfHarm.idiom');
  const live = (list: string): Match[] =>
    without(matches(doc, list), idioms).filter((m) => !isNegated(doc, m.start) && !notOwnStatement(doc, m));
  const liveSignal = (list: string): Match[] => live(list).filter((m) => !explicitlyPast(doc, m));
  // Framing: hopelessness anywhere in the post ("Hopeless. ... I have the pills"), a resolve in
  // the cue's sentence or the one beside it ("what's the most painless way to go? i've made up
  // my mind"), intent words or immediacy around the cue.
  const despair = liveSignal('selfHarm.despair');
  const resolve = liveSignal('selfHarm.resolve');
  const sentenceIndex = (m: Match): number => doc.tokens[m.start].sentence;
  const framed = (m: Match): boolean =>
    despair.length > 0 ||
    resolve.some((r) => Math.abs(sentenceIndex(r) - sentenceIndex(m)) <= 1 && (r.end <= m.start || r.start >= m.end)) ||
    inSentence(doc, 'selfHarm.framing', m) ||
    clauseHas(doc, 'context.presentStrong', m.start, m.end) ||
    inSentence(doc, 'context.presentStrong', m);

  const found: Found[] = [];
  const add = (family: SelfHarmFamily, weak: boolean, m: Match, recent = false): void => {
    found.push({ cue: { family, weak, framed: framed(m), kind: m.source, sentence: sentenceIndex(m) }, match: m, recent });
  };
  for (const family of SELF_HARM_FAMILIES) {
    for (const weak of [false, true]) {
      for (const m of live(familyList(family, weak))) {
        if (FAMILY_TRAITS[family].past === 'explicit') {
          if (!explicitlyPast(doc, m)) add(family, weak, m);
          continue;
        }
        const tense = tenseOf(doc, m.start, m.end, SELF);
        if (tense !== 'past') add(family, weak, m, tense === 'recent');
      }
    }
  }
  for (const m of live('selfHarm.topic')) {
    if (!hasPerson(doc, m)) continue;
    const tense = tenseOf(doc, m.start, m.end, SELF);
    if (tense !== 'past') add('ideation', false, m, tense === 'recent');
  }
  // A bare decision that ends its sentence ("I've decided.", "My mind is made up.") reads like
  // a preparation: it holds beside one.
  for (const r of resolve) {
    if (r.end !== sentenceOf(doc, r.start).end) continue;
    found.push({
      cue: { family: 'intent', weak: true, framed: false, kind: 'resolve', sentence: sentenceIndex(r), bareResolve: true },
      match: r,
      recent: false,
    });
  }

  const held = combineSelfHarm(found.map((f) => f.cue));
  const out: Reason[] = [];
  found.forEach((f, i) => {
    if (!held[i]) return;
    const traits = FAMILY_TRAITS[f.cue.family];
    const why = `${traits.label}${f.recent ? ' (recent)' : ''}${f.cue.weak ? `, ${howWeakHeld(f.cue)}` : ''}`;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', f.match.start, f.match.end, why));
  });

  // Self-harm talk anywhere, even survival told in the past, makes "I still feel that way" and
  // "try again" read as present.
  const mentioned =
    out.length > 0 ||
    matches(doc, 'selfHarm.topic').length > 0 ||
    SELF_HARM_FAMILIES.some((family) => matches(doc, familyList(family, false)).length > 0);
  if (mentioned) {
    for (const m of live('selfHarm.continuation')) {
      if (tenseOf(doc, m.start, m.end, SELF) === 'past') continue;
      out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'self-harm talk continuing into the present'));
    }
  }
  return out;
}
