import { arabicKeys, isArabic, isNonLatin, stripMarks, tokenKey } from './fold';

/** A distinct word form: letters (any script) or digits, or a dotted abbreviation ("U.N."). */
export interface Word {
  raw: string;
  /** Lookup key: folded and lower-cased (see fold.ts). */
  key: string;
  /** Raw text without diacritics or dots, case kept: what case checks compare. */
  shape: string;
  /** First letter is upper case. */
  upper: boolean;
  /** Arabic only: the keys of the word read without its attached prefixes ("وواشنطن" -> "واشنطن"). */
  alts?: string[];
}

/**
 * The tokens of a text as parallel arrays: offsets in typed arrays, and for each token its
 * Word, shared by every occurrence of the same form. A megabyte of news is some 180,000
 * tokens; one object per token made the garbage collector the engine's biggest cost.
 */
export interface Tokens {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly word: Word[];
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
const UPPER = /^\p{Lu}/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
const UPPER_LETTER = /^\p{Lu}$/u;

const OTHER = 0;
const LETTER_KIND = 1;
const DIGIT_KIND = 2;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER_KIND : c >= 48 && c <= 57 ? DIGIT_KIND : OTHER,
);
// Non-ASCII characters are classified by Unicode property once each and remembered.
const kinds = new Map<number, number>();

function kindOf(c: number): number {
  if (c < 128)
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER_KIND : c >= 48 && c <= 57 ? DIGIT_KIND : OTHER;
  let k = kinds.get(c);
  if (k === undefined) {
    const ch = String.fromCharCode(c);
    // Lone surrogates: astral letters are rare in news copy, so both halves count as letters.
    k = LETTER.test(ch) || (c >= 0xd800 && c <= 0xdfff) ? LETTER_KIND : DIGIT.test(ch) ? DIGIT_KIND : OTHER;
    kinds.set(c, k);
  }
  return k;
}

const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_LETTER.test(text.charAt(i));
};

/**
 * Split text into word tokens with their offsets: runs of letters (any script, with marks),
 * runs of digits, and dotted abbreviations ("U.S.", "U.N.") as one token. Punctuation is not
 * a token. A hand-written scanner: this runs over every character of every page.
 */
export function tokenize(text: string): Tokens {
  const n = text.length;
  // At most one token per two characters (a word and the separator after it), plus one.
  const { start, end } = scratch((n >> 1) + 1);
  const word: Word[] = [];
  // Words repeat: fold each distinct word once per text (Unicode normalisation is the costly part).
  const folded = new Map<string, Word>();
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // ASCII punctuation and spaces are most characters that are not words: skip them inline.
    const kind = c0 < 128 ? ASCII_KIND[c0]! : kindOf(c0);
    if (kind === OTHER) {
      i++;
      continue;
    }
    let j = i + 1;
    if (kind === DIGIT_KIND) {
      while (j < n && kindOf(text.charCodeAt(j)) === DIGIT_KIND) j++;
    } else if (
      text.charCodeAt(j) === 46 &&
      isUpperAt(text, i) &&
      isUpperAt(text, j + 1) &&
      text.charCodeAt(j + 2) === 46
    ) {
      j = i;
      while (j < n && isUpperAt(text, j) && text.charCodeAt(j + 1) === 46) j += 2;
    } else {
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c < 128 ? ASCII_KIND[c] !== LETTER_KIND : kindOf(c) !== LETTER_KIND) break;
      }
    }
    const raw = text.slice(i, j);
    let f = folded.get(raw);
    if (!f) {
      f = ASCII_WORD.test(raw)
        ? { raw, key: raw.toLowerCase(), shape: raw, upper: raw.charCodeAt(0) >= 65 && raw.charCodeAt(0) <= 90 }
        : foldWord(raw);
      folded.set(raw, f);
    }
    start[word.length] = i;
    end[word.length] = j;
    word.push(f);
    i = j;
  }
  // Kept buffers are used again by the next call: their offsets are copied out.
  const cut = (a: Int32Array) =>
    a === kept.start || a === kept.end ? a.slice(0, word.length) : a.subarray(0, word.length);
  return { length: word.length, start: cut(start), end: cut(end), word };
}

/**
 * Buffers for a text's offsets. Most texts tokenized are short (a name or alias as the
 * dictionary is built, a sentence, a headline): with two typed arrays made for each, then cut,
 * tokenizing the dictionary's 15,000 strings took 42-44 ms warm, against 31-33 with buffers
 * kept. Buffers up to KEPT_CAPACITY are kept and used again; a longer text gets its own.
 */
const KEPT_CAPACITY = 1 << 14;
let kept = { start: new Int32Array(256), end: new Int32Array(256) };
function scratch(capacity: number): { start: Int32Array; end: Int32Array } {
  if (capacity <= kept.start.length) return kept;
  const fresh = { start: new Int32Array(capacity), end: new Int32Array(capacity) };
  if (capacity <= KEPT_CAPACITY) kept = fresh;
  return fresh;
}

/** A word outside ASCII, folded; an Arabic word also gets the keys it has without its prefixes. */
function foldWord(raw: string): Word {
  const shape = stripMarks(raw).replace(/\./g, '');
  if (!isArabic(raw)) return { raw, key: tokenKey(raw), shape, upper: UPPER.test(raw) };
  const [key, ...alts] = arabicKeys(raw);
  return alts.length ? { raw, key: key!, shape, upper: false, alts } : { raw, key: key!, shape, upper: false };
}

/**
 * Whether a text token may stand for a dictionary token written `aliasShape`.
 * Case is kept where it separates names from words ("US" vs "us", "Turkey" vs "turkey"),
 * but a capitalised first letter (sentence start, title case) and all-caps headlines are allowed.
 */
export function caseCompatible(aliasShape: string, textShape: string): boolean {
  if (aliasShape === textShape) return true;
  // Cyrillic and Arabic names: the trie already matched the (stemmed) keys, and case is no signal.
  if (isNonLatin(aliasShape)) return true;
  if (textShape.length > 1 && textShape === aliasShape.charAt(0).toUpperCase() + aliasShape.slice(1)) return true;
  const allCaps = textShape.length >= 3 && textShape === textShape.toUpperCase() && /\p{Lu}/u.test(textShape);
  return allCaps && textShape === aliasShape.toUpperCase();
}

/** What separates two tokens may join the words of one name: spaces, a hyphen, an apostrophe. */
export function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  const gap = text.slice(from, to);
  return /^[\s\u00a0]*[-‐–'’]?[\s\u00a0]*$/.test(gap) && !gap.includes('\n');
}
