/**
 * Rule data (plain JSON: word lists and phrases, never regular expressions) and its compiled
 * form. `compileRules` is pure; file I/O for operator additions lives in load-rules.ts.
 */
import { normalize } from './normalize';
import { Compiler, LexiconEntry, Matcher, PatternError } from './pattern';
import { familyList, SELF_HARM_FAMILIES } from './detectors/self-harm-families';
import { canonical, splitClitics } from './tokenize';

/** One person-first language rule (docs/policy.md table). */
export interface PersonFirstData {
  /** Groups terms that share a suggestion and a sense check: label, clean, habit, ... */
  kind: string;
  /** Shown to the author: the words to consider instead. */
  suggestion?: string;
  /** Shown to the author: why. */
  explanation?: string;
  /** Phrases (pattern syntax, see pattern.ts) where the term is used in its drug-use sense. */
  terms?: string[];
  /** Phrases that mean the term is NOT about drug use here ("clean needles", "coffee addict"). */
  exclude?: string[];
  /** Labels for people (addict, junkie): aimed at others they hold as stigma, not nudge. */
  label?: boolean;
}

/** The shape of every rules file, bundled (data/*.json) or the operator's. */
export interface RulesData {
  description?: string;
  /** Named word lists, usable in phrases as @name. Same-named lists from several files merge. */
  lexicons?: Record<string, string[]>;
  /** Phrase lists the detectors read, by list name (see KNOWN_LISTS). Files append. */
  patterns?: Record<string, string[]>;
  /** Texting forms and their meaning: "kms": "kill myself". */
  expansions?: Record<string, string>;
  personFirst?: PersonFirstData[];
  /** Public numbers (digits only) that are never a member's personal information. */
  hotlines?: string[];
  /** Digit prefixes of toll-free numbers (organizations, not people). */
  tollFreePrefixes?: string[];
  /** Domains whose links are never promotional on their own (government, hotlines). */
  safeDomains?: string[];
}

export interface PersonFirstRule {
  kind: string;
  suggestion: string;
  explanation: string;
  label: boolean;
}

/** Compiled, immutable, shareable between calls and workers. */
export interface ScreeningRules {
  readonly matcher: Matcher;
  readonly lexicons: ReadonlyMap<string, LexiconEntry>;
  readonly expansions: ReadonlyMap<string, readonly string[]>;
  readonly personFirst: ReadonlyMap<string, PersonFirstRule>;
  readonly hotlines: ReadonlySet<string>;
  readonly tollFreePrefixes: readonly string[];
  readonly safeDomains: readonly string[];
  /** Words a member may spell out with blanks in three letters ("o x y", "k m s"). */
  readonly spelledWords: ReadonlySet<string>;
}

/** Lexicons whose one-word entries may be spelled out letter by letter. */
const SPELLED_LEXICONS = ['drug', 'streetDrug', 'derogatoryLabel'];

/** Phrase lists the detectors read. A typo in an operator file fails loudly at start. */
export const KNOWN_LISTS: readonly string[] = [
  'context.negationException',
  'context.pastStrong',
  'context.pastVerb',
  'context.recent',
  'context.presentStrong',
  'context.presentWeak',
  'context.presentTime',
  'context.reporting',
  'context.ownSpeech',
  'context.selfNaming',
  'context.reportingAfter',
  'context.meta',
  'context.hypothetical',
  'context.informational',
  'context.citation',
  ...SELF_HARM_FAMILIES.flatMap((family) => [familyList(family, false), familyList(family, true)]),
  'selfHarm.topic',
  'selfHarm.framing',
  'selfHarm.continuation',
  'selfHarm.idiom',
  'selfHarm.frame',
  'selfHarm.despair',
  'selfHarm.resolve',
  'overdose.strong',
  'overdose.weak',
  'overdose.urgency',
  'overdose.idiom',
  'sourcing.request',
  'sourcing.offer',
  'sourcing.signal',
  'sourcing.softSignal',
  'sourcing.anaphoric',
  'sourcing.override',
  'sourcing.exclude',
  'dosing.effect',
  'dosing.method',
  'dosing.test',
  'dosing.framing',
  'dosing.exclude',
  'dosing.override',
  'personalInfo.obfuscatedEmail',
  'personalInfo.socialContext',
  'personalInfo.identifying',
  'personalInfo.personalContact',
  'harassment.direct',
  'harassment.anchor',
  'harassment.exclude',
  'stigma.contempt',
  'stigma.contemptPhrase',
  'stigma.contemptPredicate',
  'stigma.medication',
  'stigma.medicationContext',
  'spam.promo',
  'spam.scheme',
  'spam.known',
];

/**
 * List names from before the self-harm families, still accepted in operators' rule files: each
 * reads as the family list that took its phrases. (`selfHarm.intent`, once the framing words,
 * now names the intent family; the framing words are `selfHarm.framing`.)
 */
export const LIST_ALIASES: Readonly<Record<string, string>> = {
  'selfHarm.strong': 'selfHarm.ideation',
  'selfHarm.weak': 'selfHarm.ideation.weak',
  'selfHarm.preparation': 'selfHarm.preparation.weak',
  'selfHarm.purpose': 'selfHarm.method',
  'selfHarm.means': 'selfHarm.method.weak',
};

export const TERM_LIST = (kind: string): string => `term:${kind}`;
export const TERM_EXCLUDE_LIST = (kind: string): string => `termExclude:${kind}`;

export class RulesError extends Error {}

function expansionWords(value: string): string[] {
  const words: string[] = [];
  for (const w of normalize(value).text.split(/\s+/)) {
    if (w === '') continue;
    for (const part of splitClitics(w)) if (part !== '') words.push(canonical(part));
  }
  return words;
}

export function compileRules(data: readonly RulesData[]): ScreeningRules {
  const expansions = new Map<string, string[]>();
  for (const d of data) {
    for (const [k, v] of Object.entries(d.expansions ?? {})) {
      const key = canonical(normalize(k).text.replace(/'/g, ''));
      expansions.set(key, expansionWords(v));
    }
  }

  // Lexicons are spelled like member text. A one-word entry joins a set (fast membership);
  // a longer entry becomes an alternative sequence.
  const lexicons = new Map<string, LexiconEntry>();
  const speller = new Compiler(new Map(), expansions);
  for (const d of data) {
    for (const [name, words] of Object.entries(d.lexicons ?? {})) {
      let lex = lexicons.get(name);
      if (!lex) lexicons.set(name, (lex = { single: new Set(), multi: [] }));
      for (const w of words) {
        const keys = speller.keysOf(w);
        if (keys.length === 1) lex.single.add(keys[0]);
        else if (keys.length > 1) lex.multi.push(keys);
      }
    }
  }

  const compiler = new Compiler(lexicons, expansions);
  const known = new Set(KNOWN_LISTS);
  const personFirst = new Map<string, PersonFirstRule>();
  try {
    for (const d of data) {
      for (const [named, phrases] of Object.entries(d.patterns ?? {})) {
        const list = LIST_ALIASES[named] ?? named;
        if (!known.has(list)) throw new RulesError(`unknown phrase list "${list}" (known: ${KNOWN_LISTS.join(', ')})`);
        for (const p of phrases) compiler.add(list, p);
      }
      for (const pf of d.personFirst ?? []) {
        const prev = personFirst.get(pf.kind);
        personFirst.set(pf.kind, {
          kind: pf.kind,
          suggestion: pf.suggestion ?? prev?.suggestion ?? 'person-first language',
          explanation: pf.explanation ?? prev?.explanation ?? '',
          label: pf.label ?? prev?.label ?? false,
        });
        for (const t of pf.terms ?? []) compiler.add(TERM_LIST(pf.kind), t);
        for (const t of pf.exclude ?? []) compiler.add(TERM_EXCLUDE_LIST(pf.kind), t);
      }
    }
  } catch (e) {
    if (e instanceof PatternError) throw new RulesError(e.message);
    throw e;
  }

  const digits = (s: string): string => s.replace(/[^0-9]/g, '');
  return {
    matcher: compiler.build(),
    lexicons,
    expansions,
    personFirst,
    hotlines: new Set(data.flatMap((d) => d.hotlines ?? []).map(digits)),
    tollFreePrefixes: data.flatMap((d) => d.tollFreePrefixes ?? []).map(digits),
    safeDomains: data.flatMap((d) => d.safeDomains ?? []).map((s) => s.toLowerCase()),
    spelledWords: new Set(SPELLED_LEXICONS.flatMap((name) => Array.from(lexicons.get(name)?.single ?? []))),
  };
}
