/**
 * Rule phrases compiled into one token trie.
 *
 * Rule data never contains regular expressions. A phrase is a sequence of slots separated by
 * spaces; a slot is one of:
 *   word        a literal word (spelled like member text: "don't" = "do not", "kms" = "kill myself")
 *   *           any one word
 *   foo*        any word starting with "foo" (at least 3 letters)
 *   #num #year  a number / a year (1900-2099)
 *   @name       any entry of the lexicon `name` (entries may be several words)
 *   (a|b c|@x)  alternatives, each one or more words
 *   slot?       the slot is optional
 *   [ ... ]     the focus: the part of the match reported as the span (e.g. "@drug [habit]")
 * Matching walks the trie from each token: work per token is bounded by the trie, never by
 * the text, so a crafted post cannot make it slow (no backtracking exists to exploit).
 */
import { normalize } from './normalize';
import { Token, tokenize } from './tokenize';

export type Element =
  | { t: 'lit'; v: string }
  | { t: 'any' }
  | { t: 'num' }
  | { t: 'year' }
  | { t: 'pre'; v: string }
  | { t: 'cls'; name: string; set: ReadonlySet<string> };

interface Front {
  node: Node;
  depth: number;
  focusStart: number;
  focusEnd: number;
}

export interface Terminal {
  list: string;
  source: string;
  length: number;
  focusStart: number;
  focusEnd: number;
}

export interface Match {
  list: string;
  /** The rule phrase as written in the data file, for the moderator-facing detail. */
  source: string;
  /** Token index range [start, end) of the whole match. */
  start: number;
  end: number;
  /** Token index range of the focus (the whole match unless the phrase has [ ]). */
  focusStart: number;
  focusEnd: number;
}

export interface LexiconEntry {
  single: Set<string>;
  multi: string[][];
}

export class PatternError extends Error {}

const MAX_SEQUENCES = 100_000;

class Node {
  lit = new Map<string, Node>();
  any: Node | null = null;
  num: Node | null = null;
  year: Node | null = null;
  pre: Array<[string, Node]> = [];
  cls: Array<[string, ReadonlySet<string>, Node]> = [];
  out: Terminal[] = [];
}

interface Slot {
  alternatives: string[][];
  optional: boolean;
  focusOpen: boolean;
  focusClose: boolean;
}

const EMPTY_EXPANSIONS = new Map<string, string[]>();

/** Split a phrase into slots; a parenthesised group is one slot even with spaces inside. */
function parseSlots(source: string): Slot[] {
  const slots: Slot[] = [];
  let i = 0;
  const s = source.trim();
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (i >= s.length) break;
    let focusOpen = false;
    if (s[i] === '[') {
      focusOpen = true;
      i++;
    }
    let body: string;
    if (s[i] === '(') {
      const close = s.indexOf(')', i);
      if (close < 0) throw new PatternError(`unclosed "(" in "${source}"`);
      body = s.slice(i + 1, close);
      i = close + 1;
    } else {
      let j = i;
      while (
        j < s.length &&
        s[j] !== ' ' &&
        s[j] !== ']' &&
        !(s[j] === '?' && (s[j + 1] === undefined || s[j + 1] === ' ' || s[j + 1] === ']'))
      )
        j++;
      body = s.slice(i, j);
      i = j;
    }
    let optional = false;
    if (s[i] === '?') {
      optional = true;
      i++;
    }
    let focusClose = false;
    if (s[i] === ']') {
      focusClose = true;
      i++;
    }
    const alternatives = body.split('|').map((a) =>
      a
        .trim()
        .split(/\s+/)
        .filter((w) => w !== ''),
    );
    if (alternatives.some((a) => a.length === 0) && !optional) throw new PatternError(`empty alternative in "${source}"`);
    slots.push({ alternatives: alternatives.filter((a) => a.length > 0), optional, focusOpen, focusClose });
  }
  return slots;
}

export class Compiler {
  private readonly root = new Node();
  private readonly clsCache = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly lexicons: ReadonlyMap<string, LexiconEntry>,
    private readonly expansions: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** Words of a literal, spelled as member text is. */
  keysOf(word: string): string[] {
    return tokenize(word, normalize(word), this.expansions).tokens.map((t) => t.key);
  }

  private wordAlternatives(word: string, source: string): Element[][] {
    if (word === '*') return [[{ t: 'any' }]];
    if (word === '#num') return [[{ t: 'num' }]];
    if (word === '#year') return [[{ t: 'year' }]];
    if (word.startsWith('@')) {
      const name = word.slice(1);
      const lex = this.lexicons.get(name);
      if (!lex) throw new PatternError(`unknown lexicon "@${name}" in "${source}"`);
      const out: Element[][] = [];
      if (lex.single.size > 0) out.push([{ t: 'cls', name, set: lex.single }]);
      for (const m of lex.multi) out.push(m.map((v) => ({ t: 'lit', v }) as Element));
      return out;
    }
    if (word.length > 3 && word.endsWith('*') && !word.slice(0, -1).includes('*')) {
      const keys = this.keysOf(word.slice(0, -1));
      if (keys.length !== 1) throw new PatternError(`bad prefix "${word}" in "${source}"`);
      return [[{ t: 'pre', v: keys[0] }]];
    }
    const keys = this.keysOf(word);
    if (keys.length === 0) throw new PatternError(`"${word}" has no letters or digits in "${source}"`);
    return [keys.map((v) => ({ t: 'lit', v }) as Element)];
  }

  /**
   * Insert a phrase slot by slot. The frontier holds the trie nodes reached so far, so
   * alternatives share their prefixes and the work is bounded by the trie's size, not by the
   * product of all alternatives.
   */
  add(list: string, source: string): void {
    let frontier: Front[] = [{ node: this.root, depth: 0, focusStart: -1, focusEnd: -1 }];
    for (const slot of parseSlots(source)) {
      const alts: Element[][] = [];
      for (const words of slot.alternatives) {
        let partial: Element[][] = [[]];
        for (const w of words) {
          const options = this.wordAlternatives(w, source);
          const grown: Element[][] = [];
          for (const p of partial) for (const o of options) grown.push([...p, ...o]);
          partial = grown;
        }
        alts.push(...partial);
      }
      if (slot.optional) alts.push([]);
      const next = new Map<string, Front>();
      const ids = new Map<Node, number>();
      for (const f of frontier) {
        const focusStart = slot.focusOpen ? f.depth : f.focusStart;
        for (const a of alts) {
          let node = f.node;
          for (const el of a) node = this.child(node, el);
          const depth = f.depth + a.length;
          const focusEnd = slot.focusClose ? depth : f.focusEnd;
          let nid = ids.get(node);
          if (nid === undefined) ids.set(node, (nid = ids.size));
          const key = `${nid}:${focusStart}:${focusEnd}`;
          if (!next.has(key)) next.set(key, { node, depth, focusStart, focusEnd });
        }
      }
      if (next.size > MAX_SEQUENCES) throw new PatternError(`"${source}" expands to too many phrases`);
      frontier = Array.from(next.values());
    }
    for (const f of frontier) {
      if (f.depth === 0) continue;
      const hasFocus = f.focusStart >= 0 && f.focusEnd > f.focusStart;
      f.node.out.push({
        list,
        source,
        length: f.depth,
        focusStart: hasFocus ? f.focusStart : 0,
        focusEnd: hasFocus ? f.focusEnd : f.depth,
      });
    }
  }

  private child(node: Node, el: Element): Node {
    switch (el.t) {
      case 'lit': {
        let c = node.lit.get(el.v);
        if (!c) node.lit.set(el.v, (c = new Node()));
        return c;
      }
      case 'any':
        return (node.any ??= new Node());
      case 'num':
        return (node.num ??= new Node());
      case 'year':
        return (node.year ??= new Node());
      case 'pre': {
        const found = node.pre.find(([p]) => p === el.v);
        if (found) return found[1];
        const c = new Node();
        node.pre.push([el.v, c]);
        return c;
      }
      case 'cls': {
        const found = node.cls.find(([n]) => n === el.name);
        if (found) return found[2];
        const c = new Node();
        node.cls.push([el.name, el.set, c]);
        return c;
      }
    }
  }

  build(): Matcher {
    return new Matcher(this.root);
  }
}

const YEAR = /^(?:19|20)[0-9]{2}$/;

export class Matcher {
  constructor(private readonly root: Node) {}

  /** Every match of every phrase; matches never cross a sentence boundary. */
  matchAll(tokens: readonly Token[]): Match[] {
    const out: Match[] = [];
    const seen = new Set<string>();
    const stack: Array<[Node, number]> = [];
    for (let i = 0; i < tokens.length; i++) {
      const sentence = tokens[i].sentence;
      stack.push([this.root, i]);
      for (let top = stack.pop(); top; top = stack.pop()) {
        const [node, j] = top;
        for (const term of node.out) {
          const k = `${term.list}\u0000${term.source}\u0000${i}\u0000${j}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({
            list: term.list,
            source: term.source,
            start: i,
            end: j,
            focusStart: i + term.focusStart,
            focusEnd: i + term.focusEnd,
          });
        }
        if (j >= tokens.length || tokens[j].sentence !== sentence) continue;
        const t = tokens[j];
        const next: Node[] = [];
        for (const f of t.forms) {
          const c = node.lit.get(f);
          if (c && !next.includes(c)) next.push(c);
        }
        if (node.any) next.push(node.any);
        if (node.num && t.numeric && t.key.length <= 6) next.push(node.num);
        if (node.year && YEAR.test(t.key)) next.push(node.year);
        for (const [p, c] of node.pre) if (t.forms.some((f) => f.length >= p.length && f.startsWith(p))) next.push(c);
        for (const [, set, c] of node.cls) if (t.forms.some((f) => set.has(f))) next.push(c);
        for (const c of next) stack.push([c, j + 1]);
      }
      seen.clear();
    }
    return out;
  }
}

export { EMPTY_EXPANSIONS };
