/**
 * Hashed features over the engine's tokens: word 1-3-grams of token keys (within a sentence) and
 * character 3-5-grams of each key with boundary marks (`<day>`: `<da`, `day`, `ay>`, `<day`, ...,
 * digits read as 0 so "m30" and "m15" share a shape). Each feature lands in one of 2^bits
 * buckets with a sign (signed hashing halves the bias of collisions).
 *
 * Besides the words, the rules' phrase lists that matched (cue-features.ts) are features too,
 * one per match, weighing `cueWeight` words each: a list such as selfHarm.preparation names a
 * meaning many wordings share, so the model learns the meaning once instead of each wording
 * apart, and generalizes to writers whose words it has not seen.
 *
 * Strings are never built: hashes roll over the keys' UTF-16 code units (FNV-1a, then a
 * murmur3 finalizer), so a post costs a few hashes per character. The hash functions are part
 * of the weights file's format: changing one changes every bucket (hence the test pinning them).
 */

export interface FeatureToken {
  key: string;
  sentence: number;
  clause: number;
}

/** One match of a rules phrase list: the list's name and the tokens it covers. */
export interface CueHit {
  list: string;
  from: number;
  span: number;
}

/** What the model reads of a post: its tokens and the rules' list matches among them. */
export interface ModelInput {
  tokens: readonly FeatureToken[];
  cues: readonly CueHit[];
}

/** Every feature occurrence of one post, with the tokens it came from (for explanations). */
export interface Occurrences {
  /** Number of occurrences filled (the arrays may be longer). */
  length: number;
  /** The first `words` occurrences come from the words; the rest are the cues. */
  words: number;
  bucket: Int32Array;
  /** The occurrence's signed value: +1 or -1 for words, +-cueWeight for a list match. */
  value: Int8Array;
  /** First token index and number of tokens (1 for char n-grams and unigrams, 2-3 for word n-grams, a list match's length). */
  from: Int32Array;
  span: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Distinct starting states keep word, n-gram and char features apart. */
const WORD_SEED = 0x5bd1e995;
const BIGRAM_SEED = 0x1b873593;
const TRIGRAM_SEED = 0x2545f491;
const CHAR_SEED = 0x68e31da4;
const NEGATED_SEED = 0x7f4a7c15;
const CUE_SEED = 0x3c6ef372;
/**
 * A word up to NEGATION_REACH words after one of these, in the same clause, also counts as a
 * negated word of its own ("not suicidal", "never going to"): a bag of words cannot otherwise
 * tell "I am not going to do anything" from "I am going to do it".
 */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'nor',
  'cannot',
  'without',
  'dont',
  'cant',
  'wont',
  'aint',
  'didnt',
  'isnt',
]);
const NEGATION_REACH = 4;
const BOUNDARY_START = 0x3c; // '<'
const BOUNDARY_END = 0x3e; // '>'
const MIN_CHAR = 3;
const MAX_CHAR = 5;

function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** murmur3's finalizer: spreads FNV's weak low bits over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a token key as a word (32 bits, unsigned). */
export function wordHash(key: string): number {
  let h = FNV_OFFSET ^ WORD_SEED;
  for (let i = 0; i < key.length; i++) h = fnv(h, key.charCodeAt(i));
  return fmix32(h);
}

function combine(seed: number, a: number, b: number, c = 0): number {
  let h = FNV_OFFSET ^ seed;
  h = fnv(h, a & 0xffff);
  h = fnv(h, a >>> 16);
  h = fnv(h, b & 0xffff);
  h = fnv(h, b >>> 16);
  h = fnv(h, c & 0xffff);
  h = fnv(h, c >>> 16);
  return fmix32(h);
}

/** The hash of a word n-gram (1 to 3 words), for tests and tools; features() rolls the same values. */
export function ngramHash(keys: readonly string[]): number {
  const hs = keys.map(wordHash);
  if (hs.length === 1) return hs[0];
  if (hs.length === 2) return combine(BIGRAM_SEED, hs[0], hs[1]);
  return combine(TRIGRAM_SEED, hs[0], hs[1], hs[2]);
}

function charCode(key: string, p: number): number {
  if (p === 0) return BOUNDARY_START;
  if (p === key.length + 1) return BOUNDARY_END;
  const c = key.charCodeAt(p - 1);
  return c >= 0x30 && c <= 0x39 ? 0x30 : c;
}

/** The hash of a rules list's feature, for tests and tools; features() emits the same value. */
export function cueHash(list: string): number {
  return combine(CUE_SEED, wordHash(list), 0);
}

/** Hashes of a key's char n-grams, for tests and tools; features() emits the same values. */
export function charNgramHashes(key: string): number[] {
  const out: number[] = [];
  const n = key.length + 2;
  for (let i = 0; i + MIN_CHAR <= n; i++) {
    let h = FNV_OFFSET ^ CHAR_SEED;
    for (let j = i; j < n && j < i + MAX_CHAR; j++) {
      h = fnv(h, charCode(key, j));
      if (j - i + 1 >= MIN_CHAR) out.push(fmix32(h));
    }
  }
  return out;
}

/** Room for `need` occurrences, keeping the first `used` (o.length is set only once a post is done). */
function grow(o: Occurrences, used: number, need: number): void {
  if (need <= o.bucket.length) return;
  let size = o.bucket.length * 2;
  while (size < need) size *= 2;
  const bucket = new Int32Array(size);
  const value = new Int8Array(size);
  const from = new Int32Array(size);
  const span = new Uint8Array(size);
  bucket.set(o.bucket.subarray(0, used));
  value.set(o.value.subarray(0, used));
  from.set(o.from.subarray(0, used));
  span.set(o.span.subarray(0, used));
  Object.assign(o, { bucket, value, from, span });
}

export function emptyOccurrences(capacity = 1024): Occurrences {
  return {
    length: 0,
    words: 0,
    bucket: new Int32Array(capacity),
    value: new Int8Array(capacity),
    from: new Int32Array(capacity),
    span: new Uint8Array(capacity),
  };
}

/** Largest weight a cue may carry (values are stored as int8). */
export const MAX_CUE_WEIGHT = 127;

/**
 * Fills `into` (cleared first) with the features of the tokens, and of the cues at `cueWeight`
 * each (0: none), hashed into 2^bits buckets. Reusing one Occurrences per thread keeps
 * screening free of per-post allocations.
 */
export function features(input: ModelInput, bits: number, cueWeight: number, into: Occurrences = emptyOccurrences()): Occurrences {
  const { tokens, cues } = input;
  const mask = (1 << bits) - 1;
  into.length = 0;
  into.words = 0;
  let n = 0;
  const push = (h: number, from: number, span: number, weight = 1): void => {
    if (n === into.bucket.length) grow(into, n, n + 1);
    into.bucket[n] = h & mask;
    // The top bit is never part of the bucket (bits <= 24), so it is free to choose the sign.
    into.value[n] = h >>> 31 ? -weight : weight;
    into.from[n] = from;
    into.span[n] = span;
    n++;
  };
  let prev1 = 0;
  let prev2 = 0;
  let run = 0; // words so far in the current sentence
  let sentence = -1;
  let negatedUntil = -1; // last token index a negator reaches
  let negatorClause = -1;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.sentence !== sentence) {
      sentence = token.sentence;
      run = 0;
    }
    const w = wordHash(token.key);
    push(w, t, 1);
    if (t <= negatedUntil && token.clause === negatorClause) push(fmix32(w ^ NEGATED_SEED), t, 1);
    if (NEGATORS.has(token.key)) {
      negatedUntil = t + NEGATION_REACH;
      negatorClause = token.clause;
    }
    if (run >= 1) push(combine(BIGRAM_SEED, prev1, w), t - 1, 2);
    if (run >= 2) push(combine(TRIGRAM_SEED, prev2, prev1, w), t - 2, 3);
    prev2 = prev1;
    prev1 = w;
    run++;
    const key = token.key;
    const len = key.length + 2;
    grow(into, n, n + 3 * len);
    for (let i = 0; i + MIN_CHAR <= len; i++) {
      let h = FNV_OFFSET ^ CHAR_SEED;
      for (let j = i; j < len && j < i + MAX_CHAR; j++) {
        h = fnv(h, charCode(key, j));
        if (j - i + 1 >= MIN_CHAR) push(fmix32(h), t, 1);
      }
    }
  }
  into.words = n;
  if (cueWeight > 0) for (const cue of cues) push(cueHash(cue.list), cue.from, Math.min(cue.span, 255), cueWeight);
  into.length = n;
  return into;
}

/**
 * Below this many occurrences (about a quarter of the corpus's posts, 60 words or so), a post
 * is scaled as if it had this many: a one-line post then carries less evidence than a long one,
 * instead of a few common words ("for you", "not mine") weighing as much as a whole post.
 */
export const NORM_FLOOR = 300;

/** Each word occurrence's value: 1/sqrt(count) (count at least NORM_FLOOR), so a long post's vector has about unit length. */
export function occurrenceScale(o: Occurrences): number {
  return o.words === 0 ? 0 : 1 / Math.sqrt(Math.max(o.words, NORM_FLOOR));
}

/**
 * A cue weighs the same in a long post as in a short one: a list match is one judgement about
 * one phrase, and a long update should not dilute "gave the dog to my sister" into nothing.
 * (Cross-validated over the training voices, scaling cues like words held fewer posts.)
 */
export const CUE_SCALE = 1 / Math.sqrt(NORM_FLOOR);

/** Occurrence i's multiplier: the post's word scale for words, CUE_SCALE for cues. */
export function scaleAt(o: Occurrences, i: number, wordScale: number): number {
  return i < o.words ? wordScale : CUE_SCALE;
}
