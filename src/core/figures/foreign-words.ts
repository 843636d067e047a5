import type { Tokens } from '../text/tokenize';
import type { RawFigure } from './scan';

/**
 * Numbers written as words in French and Arabic copy: "trois étapes", "المئات" (the hundreds),
 * "عشرات الآلاف" (tens of thousands). English words are read in scan.ts.
 */

// Small French numbers before a noun. "sept" and "cent" are left out: "Sept." is a month in
// English copy and "per cent" is a percent sign.
const FRENCH: Record<string, number> = {
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quinze: 15,
  vingt: 20,
};
/** A lower-case word follows: "trois étapes", not "Trois" in a name. */
const NOUN_AFTER = /^\s+\p{Ll}/u;
/** "les trois puissances" points back to them; "deux jours" is a duration. */
const FRENCH_REFERENCE = /(?<![\p{L}])(?:les|ces|leurs|ses|nos|vos)\s+$/iu;
const FRENCH_DURATION =
  /^\s+(?:jours?|ans|années|mois|semaines?|heures?|minutes?|fois|siècles?|décennies)(?![\p{L}])/iu;

// Arabic vague quantities, with the article and the attached "and" or "by" that the tokenizer
// keeps on the word: المئات / مئات (hundreds), الآلاف (thousands), الملايين (millions).
const ARABIC_VAGUE = /^[وب]?(?:ال)?(?:مئات|آلاف|الاف|ملايين)$/u;
const ARABIC_TENS = /^[وب]?عشرات$/u;

/** Word numbers in French and Arabic, as raw figures (value null for the vague ones). */
export function scanForeignWords(text: string, tokens: Tokens): RawFigure[] {
  const out: RawFigure[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const start = tokens.start[k]!;
    const end = tokens.end[k]!;
    // Most words are neither: tell by the first letter before reading the word.
    const first = text.charCodeAt(start);
    const arabic = first >= 0x600 && first <= 0x6ff;
    if (!arabic && !(first >= 0x61 && first <= 0x76 && end - start <= 6)) continue;
    const raw = text.slice(start, end);
    if (!arabic) {
      const french = FRENCH[raw];
      if (french !== undefined && isFrenchCount(text, start, end))
        out.push({ start, end, value: french, qualifier: null });
      continue;
    }
    if (ARABIC_TENS.test(raw)) {
      // "عشرات الآلاف": tens of thousands, one quantity over two words.
      const next = k + 1 < tokens.length ? text.slice(tokens.start[k + 1]!, tokens.end[k + 1]!) : '';
      const both = ARABIC_VAGUE.test(next);
      out.push({ start: start + prefixLength(raw), end: both ? tokens.end[++k]! : end, value: null, qualifier: null });
    } else if (ARABIC_VAGUE.test(raw)) {
      out.push({ start: start + prefixLength(raw), end, value: null, qualifier: null });
    }
  }
  return out;
}

function isFrenchCount(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 20);
  return NOUN_AFTER.test(after) && !FRENCH_DURATION.test(after) && !FRENCH_REFERENCE.test(text.slice(start - 8, start));
}

/** The attached "and" or "by" is not part of the quantity. */
const prefixLength = (raw: string) => (/^[وب](?:ال|عشرات|مئات|آلاف|ملايين)/u.test(raw) ? 1 : 0);
