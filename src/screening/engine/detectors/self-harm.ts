/**
 * SELF_HARM: suicidal ideation, plans, intent to overdose on purpose, about the author or a
 * person they name. Past survival publishes ("I tried to end my life in 2019, today I coach
 * others"); present intent is URGENT. Idioms ("dying to see my kids") never count.
 *
 * strong cues fire unless negated or in the past; weak cues ("ending it", "take them all")
 * also need intent framing, an immediacy marker, or a strong cue elsewhere in the post;
 * "suicide"/"suicidal" needs a person (me, my brother); continuation phrases ("I still feel
 * that way", "try again") fire after any self-harm talk, even past.
 *
 * preparation cues ("wrote letters to my kids", "gave my dog away", "said my goodbyes",
 * "tonight is the night") are often told in the past tense because they are done already:
 * past verbs do not cancel them, only an explicit past time (in 2019, years ago) does. One
 * alone is ordinary life ("said my goodbyes to grandma at hospice tonight"); two together,
 * or one beside any other self-harm reason, hold.
 */
import type { Doc } from '../doc';
import { clauseOf, inLexicon, matches, sentenceOf } from '../doc';
import { isNegated } from '../context/negation';
import { clauseHas, tenseOf } from '../context/tense';
import type { Match } from '../pattern';
import type { Reason } from '../types';
import { reason, without } from './reason';

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

/** Any match of `list` in the post that is not negated and not set in an explicit past time. */
function livePostSignal(doc: Doc, list: string): Match[] {
  return matches(doc, list).filter(
    (m) => !isNegated(doc, m.start) && !clauseHas(doc, 'context.pastStrong', m.start, m.end) && !inSentence(doc, 'context.pastStrong', m),
  );
}

export function detectSelfHarm(doc: Doc): Reason[] {
  const idioms = matches(doc, 'selfHarm.idiom');
  const live = (list: string): Match[] =>
    without(matches(doc, list), idioms).filter((m) => !isNegated(doc, m.start) && !notOwnStatement(doc, m));
  // Two weak signals combine: hopelessness anywhere in the post ("Hopeless. ... I have the
  // pills"), or a resolve in the cue's sentence or the one beside it ("what's the most painless
  // way to go? i've made up my mind"), frames a weak cue or a means at hand as intent.
  const despair = livePostSignal(doc, 'selfHarm.despair').filter((m) => !notOwnStatement(doc, m));
  const resolve = livePostSignal(doc, 'selfHarm.resolve').filter((m) => !notOwnStatement(doc, m));
  const resolveNear = (m: Match): boolean => {
    const si = doc.tokens[m.start].sentence;
    return resolve.some((r) => Math.abs(doc.tokens[r.start].sentence - si) <= 1 && (r.end <= m.start || r.start >= m.end));
  };
  const out: Reason[] = [];
  let mentioned = matches(doc, 'selfHarm.strong').length > 0 || matches(doc, 'selfHarm.topic').length > 0;
  let presentStrong = false;

  for (const m of live('selfHarm.strong')) {
    const tense = tenseOf(doc, m.start, m.end);
    if (tense === 'past') continue;
    presentStrong = true;
    out.push(
      reason(
        doc,
        'SELF_HARM',
        'HOLD',
        m.start,
        m.end,
        tense === 'recent' ? 'recent self-harm statement' : 'self-harm statement in the present',
      ),
    );
  }
  for (const m of live('selfHarm.topic')) {
    if (!hasPerson(doc, m)) continue;
    const tense = tenseOf(doc, m.start, m.end);
    if (tense === 'past') continue;
    presentStrong = true;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'suicidal thoughts about a person, not in the past'));
  }
  const weak = live('selfHarm.weak');
  // Two different weak cues in one sentence frame each other ("I'm a burden to everyone ... the
  // kindest thing I can do is leave for good").
  const pairedWeak = (m: Match): boolean => {
    const si = doc.tokens[m.start].sentence;
    return weak.some((w) => w.source !== m.source && doc.tokens[w.start].sentence === si && (w.end <= m.start || w.start >= m.end));
  };
  for (const m of weak) {
    if (tenseOf(doc, m.start, m.end) === 'past') continue;
    const framed =
      pairedWeak(m) ||
      inSentence(doc, 'selfHarm.intent', m) ||
      clauseHas(doc, 'context.presentStrong', m.start, m.end) ||
      inSentence(doc, 'context.presentStrong', m) ||
      despair.length > 0 ||
      resolveNear(m);
    if (!framed && !presentStrong) continue;
    mentioned = true;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'possible plan or intent to die, with intent or immediacy'));
  }
  // A purpose ("bought enough to make sure I don't wake up") carries its own future: a past
  // verb around it tells how it was prepared, so only an explicit past time cancels it.
  for (const m of live('selfHarm.purpose')) {
    if (clauseHas(doc, 'context.pastStrong', m.start, m.end) || inSentence(doc, 'context.pastStrong', m)) continue;
    mentioned = true;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'stated purpose of not waking up'));
  }
  const prep = live('selfHarm.preparation').filter(
    (m) => !clauseHas(doc, 'context.pastStrong', m.start, m.end) && !inSentence(doc, 'context.pastStrong', m),
  );
  const prepKinds = new Set(prep.map((m) => m.source));
  // A bare decision that ends its sentence ("I've decided.", "My mind is made up.") is itself a
  // preparation cue: it counts with another one ("I'm not telling anyone").
  const bareResolve = resolve.filter((r) => r.end === sentenceOf(doc, r.start).end);
  if (bareResolve.length > 0) prepKinds.add('resolve');
  for (const m of prep) {
    if (prepKinds.size < 2 && out.length === 0) continue;
    mentioned = true;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'preparations or farewells that suggest a plan to die'));
  }
  if (prep.length > 0 && prepKinds.size >= 2) {
    for (const r of bareResolve) out.push(reason(doc, 'SELF_HARM', 'HOLD', r.start, r.end, 'a stated decision beside preparations'));
  }
  // Means at hand ("the gun in my lap", "I have the pills") count with hopelessness, a resolve,
  // immediacy in their sentence, or any other self-harm reason.
  for (const m of live('selfHarm.means')) {
    if (clauseHas(doc, 'context.pastStrong', m.start, m.end) || inSentence(doc, 'context.pastStrong', m)) continue;
    const withIt =
      despair.length > 0 ||
      resolve.length > 0 ||
      out.length > 0 ||
      prep.length > 0 ||
      clauseHas(doc, 'context.presentStrong', m.start, m.end) ||
      inSentence(doc, 'context.presentStrong', m);
    if (!withIt) continue;
    mentioned = true;
    out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'means at hand beside hopelessness, a decision or immediacy'));
  }
  if (mentioned) {
    for (const m of live('selfHarm.continuation')) {
      if (tenseOf(doc, m.start, m.end) === 'past') continue;
      out.push(reason(doc, 'SELF_HARM', 'HOLD', m.start, m.end, 'self-harm talk continuing into the present'));
    }
  }
  return out;
}
