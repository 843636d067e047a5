import { isNonLatin, stripMarks, tokenKey } from './fold';

/** A word of the text: letters (any script) or digits, or a dotted abbreviation ("U.N."). */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lookup key: folded and lower-cased (see fold.ts). */
  key: string;
  /** Raw text without diacritics or dots, case kept: what case checks compare. */
  shape: string;
  /** First letter is upper case. */
  upper: boolean;
}

// Dotted abbreviations first so "U.S." is one token; then words; then digit runs.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+|\p{N}+/gu;

const ASCII_WORD = /^[A-Za-z0-9]+$/;
const UPPER = /^\p{Lu}/u;

/** Split text into word tokens with their offsets. Punctuation is not a token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Words repeat: fold each distinct word once per text (Unicode normalisation is the costly part).
  const folded = new Map<string, { key: string; shape: string; upper: boolean }>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    let f = folded.get(raw);
    if (!f) {
      f = ASCII_WORD.test(raw)
        ? { key: raw.toLowerCase(), shape: raw, upper: raw.charCodeAt(0) >= 65 && raw.charCodeAt(0) <= 90 }
        : { key: tokenKey(raw), shape: stripMarks(raw).replace(/\./g, ''), upper: UPPER.test(raw) };
      folded.set(raw, f);
    }
    tokens.push({ start: m.index, end: m.index + raw.length, raw, key: f.key, shape: f.shape, upper: f.upper });
  }
  return tokens;
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
