import type { Doc } from '../text/doc';
import { isArabic } from '../text/fold';
import type { Word } from '../text/tokenize';
import { capitalised, gapAfter, keyAt, sentenceInitial, spaced } from '../text/doc';
import type { Coverage } from './mention';
import { spanIndexAt } from '../text/sentences';
import { GOVERNMENT_WORDS, LOCATIVES, NOT_NAME, OFFICE_MODIFIERS, TITLE_WORDS } from './words';

const sameSentence = (doc: Doc, a: number, b: number) =>
  a >= 0 && b < doc.tokens.length && doc.sentenceOf[a] === doc.sentenceOf[b];
const hyphenAfter = (doc: Doc, i: number) => /^[-‐]/.test(gapAfter(doc, i));
const possessiveAfter = (doc: Doc, i: number) =>
  /^['’]/.test(gapAfter(doc, i)) && (keyAt(doc, i + 1) === 's' || !/\p{L}/u.test(gapAfter(doc, i).slice(1, 2)));

/**
 * A demonym names the state only before a word for its government, officials or acts:
 * "Syrian authorities", "the British and French foreign ministers"; not "Syrian activists",
 * and not inside a compound ("Israeli-Palestinian conflict").
 */
export function demonymNamesGovernment(
  doc: Doc,
  first: number,
  last: number,
  demonymAt: (i: number) => boolean,
): boolean {
  if (hyphenAfter(doc, last) || (first > 0 && hyphenAfter(doc, first - 1))) return false;
  const step = followsNoun(doc.tokens.word[first]!) ? -1 : 1;
  let j = step > 0 ? last + 1 : first - 1;
  const between = (k: number) => COORDINATORS.has(keyAt(doc, k)) || OFFICE_MODIFIERS.has(keyAt(doc, k)) || demonymAt(k);
  while (j >= 0 && j < doc.tokens.length && between(j)) j += step;
  return sameSentence(doc, Math.min(j, first), Math.max(j, last)) && GOVERNMENT_WORDS.has(keyAt(doc, j));
}

const COORDINATORS = new Set(['and', 'or', 'et', 'ou', 'и', 'или']);

/**
 * French and Arabic adjectives follow their noun ("le président français", "الرئيس الأمريكي");
 * English and Russian ones precede it. A French demonym is told from an English one by its case.
 */
function followsNoun(word: Word): boolean {
  return isArabic(word.raw) || (!word.upper && /^[a-z]/.test(word.shape));
}

/** A state name used as a place: "the violence in Syria". */
export function locational(doc: Doc, first: number): boolean {
  return sameSentence(doc, first - 1, first) && LOCATIVES.has(keyAt(doc, first - 1));
}

/** Token i looks like part of a longer proper name ("Michael" before "Jordan", "Tech" after "Georgia"). */
function namePart(doc: Doc, i: number, covered: Coverage): boolean {
  if (i < 0 || i >= doc.tokens.length || covered.has(i) || !capitalised(doc, i)) return false;
  const key = keyAt(doc, i);
  return !NOT_NAME.has(key) && !TITLE_WORDS.has(key) && !sentenceInitial(doc, i);
}

/** Whether a one-word form sits inside a longer capitalised name on either side. */
export function insideLongerName(doc: Doc, first: number, last: number, covered: Coverage): boolean {
  return (
    (first > 0 && spaced(doc, first - 1) && namePart(doc, first - 1, covered)) ||
    (spaced(doc, last) && namePart(doc, last + 1, covered))
  );
}

/**
 * A capital or seat of government stands for the government unless it is a place in the
 * sentence: after a locative preposition ("talks in Cairo and Damascus"), in a compound
 * ("London-based"), or inside another name ("George Washington", "Washington Post").
 */
export function seatNamesGovernment(doc: Doc, first: number, last: number, covered: Coverage): boolean {
  const prev = keyAt(doc, first - 1);
  if (sameSentence(doc, first - 1, first) && (prev === 'a' || prev === 'an')) return false;
  if (dateline(doc, first, last)) return false;
  if (insideLongerName(doc, first, last, covered)) return false;
  if (hyphenAfter(doc, last) && keyAt(doc, last + 1) === 'based') return false;
  const possessive = possessiveAfter(doc, last);
  for (let j = first - 1, steps = 0; j >= 0 && steps < 6 && sameSentence(doc, j, first); j--, steps++) {
    const key = keyAt(doc, j);
    if (LOCATIVES.has(key) || (key === 'of' && !possessive)) return false;
    if (key !== 'the' && key !== 'and' && key !== 'or' && !capitalised(doc, j)) break;
  }
  return true;
}

// "BEIRUT (AP) — ", "UNITED NATIONS (Reuters) - ", "KYIV, Ukraine (AP) — ", "GENEVA – ": a city in
// capitals, perhaps its country, perhaps the agency, then a dash.
const DATELINE = /^[\p{Lu}][\p{Lu} .'’-]{1,40}(?:,\s*[\p{Lu}][\p{L} .'’-]{1,30})?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]\s/u;

/** Whether tokens first..last lie in the dateline that opens a paragraph (where a story was filed from). */
export function dateline(doc: Doc, first: number, last: number): boolean {
  const para = doc.paragraphs[spanIndexAt(doc.paragraphs, doc.tokens.start[first]!)];
  if (!para || doc.tokens.start[first]! - para.start > 60) return false;
  const m = DATELINE.exec(doc.text.slice(para.start, para.start + 90));
  return !!m && doc.tokens.end[last]! <= para.start + m[0].length;
}

const US_STATE_CONTEXT = /\b(Atlanta|Savannah|Ga\.|Georgia's governor|state of Georgia|Georgia state)\b/;

/** Context check for a name that is also a US state, a given name or a common word. */
export function ambiguousStateAccepted(
  doc: Doc,
  first: number,
  last: number,
  covered: Coverage,
  diplomatic: boolean,
  name: string,
): boolean {
  // "Jordan's King Abdullah", "Turkey's foreign minister": the state's own office holder.
  const officeAfter =
    possessiveAfter(doc, last) && keyAt(doc, last + 1) === 's' && GOVERNMENT_WORDS.has(keyAt(doc, last + 2));
  if ((!diplomatic && !officeAfter) || insideLongerName(doc, first, last, covered)) return false;
  return !(name === 'Georgia' && US_STATE_CONTEXT.test(doc.text));
}
