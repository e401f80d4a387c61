/**
 * Character-level normalization with a map back to the original text.
 *
 * Every normalized UTF-16 unit remembers the original span [start, end) it came from, so a
 * match found in normalized text can be reported at its exact place in what the member wrote.
 * One pass, constant work per code point: linear in the input.
 */
export interface Normalized {
  /** Lowercased, diacritic-free, look-alikes folded to ASCII where a look-alike exists. */
  text: string;
  /** Original start offset (UTF-16) of each normalized unit. */
  starts: number[];
  /** Original end offset (exclusive) of each normalized unit. */
  ends: number[];
}

/** Invisible characters members (or spammers) insert inside words: dropped. */
const IGNORABLE = new Set([0x00ad, 0x034f, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0xfeff, 0x180e]);

/**
 * Look-alikes that Unicode compatibility decomposition (NFKD) does not fold: Cyrillic and
 * Greek letters that render like Latin ones, plus typographic quotes and dashes.
 */
const FOLD: Record<string, string> = {
  // typographic punctuation: quotes matter for quotation detection, dashes for clauses
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2212': '-',
  '\u2014': ',',
  '\u2015': ',',
  '\u2026': '.',
  // Latin letters without a decomposition
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u00c6': 'ae',
  '\u0153': 'oe',
  '\u0152': 'oe',
  '\u00f8': 'o',
  '\u00d8': 'o',
  '\u0142': 'l',
  '\u0141': 'l',
  '\u0111': 'd',
  '\u0110': 'd',
  '\u00f0': 'd',
  '\u00fe': 'th',
  '\u0131': 'i',
  '\u0251': 'a',
  '\u0261': 'g',
  '\u026a': 'i',
  '\u1d00': 'a',
  // Cyrillic
  '\u0430': 'a',
  '\u0410': 'a',
  '\u0432': 'b',
  '\u0412': 'b',
  '\u0435': 'e',
  '\u0415': 'e',
  '\u0451': 'e',
  '\u0401': 'e',
  '\u043a': 'k',
  '\u041a': 'k',
  '\u043c': 'm',
  '\u041c': 'm',
  '\u043d': 'h',
  '\u041d': 'h',
  '\u043e': 'o',
  '\u041e': 'o',
  '\u0440': 'p',
  '\u0420': 'p',
  '\u0441': 'c',
  '\u0421': 'c',
  '\u0442': 't',
  '\u0422': 't',
  '\u0443': 'y',
  '\u0423': 'y',
  '\u0445': 'x',
  '\u0425': 'x',
  '\u0456': 'i',
  '\u0406': 'i',
  '\u0457': 'i',
  '\u0407': 'i',
  '\u0458': 'j',
  '\u0408': 'j',
  '\u0455': 's',
  '\u0405': 's',
  '\u0501': 'd',
  '\u0500': 'd',
  '\u051b': 'q',
  '\u051d': 'w',
  '\u04af': 'y',
  '\u04ae': 'y',
  '\u04bb': 'h',
  '\u04ba': 'h',
  '\u04cf': 'l',
  '\u04c0': 'l',
  '\u0433': 'r',
  '\u0438': 'u',
  '\u043f': 'n',
  '\u0437': '3',
  // Greek
  '\u03b1': 'a',
  '\u0391': 'a',
  '\u03b2': 'b',
  '\u0392': 'b',
  '\u03b5': 'e',
  '\u0395': 'e',
  '\u0396': 'z',
  '\u03b7': 'n',
  '\u0397': 'h',
  '\u03b9': 'i',
  '\u0399': 'i',
  '\u03ba': 'k',
  '\u039a': 'k',
  '\u039c': 'm',
  '\u039d': 'n',
  '\u03bd': 'v',
  '\u03bf': 'o',
  '\u039f': 'o',
  '\u03c1': 'p',
  '\u03a1': 'p',
  '\u03c4': 't',
  '\u03a4': 't',
  '\u03c5': 'u',
  '\u03a5': 'y',
  '\u03c7': 'x',
  '\u03a7': 'x',
  '\u03c9': 'w',
};

const COMBINING = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- the complement of ASCII, NUL included
const NON_ASCII = /[^\x00-\x7f]/;
/** Folding is per character and pure, so non-ASCII results are cached. */
const cache = new Map<string, string>();

function foldNonAscii(ch: string, cp: number): string {
  if (IGNORABLE.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return '';
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let out = FOLD[ch];
  if (out === undefined) {
    out = ch.normalize('NFKD').toLowerCase().replace(COMBINING, '');
    // A compatibility form can decompose to a look-alike (fullwidth Cyrillic, circled Greek...).
    if (NON_ASCII.test(out)) out = Array.from(out, (c) => FOLD[c] ?? c).join('');
  }
  if (cache.size < 10_000) cache.set(ch, out);
  return out;
}

export function normalize(src: string): Normalized {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < src.length;) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < src.length
    const cp = src.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let out: string;
    if (cp < 0x80) out = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : src[i];
    else out = foldNonAscii(width === 1 ? src[i] : src.slice(i, i + 2), cp);
    for (let k = 0; k < out.length; k++) {
      parts.push(out[k]);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: parts.join(''), starts, ends };
}
