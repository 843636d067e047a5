import type { RawFigure } from './scan';

/**
 * "The veto was the seventh time Russia has blocked a resolution": an ordinal of "time"
 * followed by a present perfect is a running count (seven vetoes so far). "Met for the third
 * time since 2011" has no such clause and stays a mere ordinal.
 */

const ORDINALS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const NTH_TIME = new RegExp(
  String.raw`\bthe (${Object.keys(ORDINALS).join('|')}|\d+(?:st|nd|rd|th)) time` +
    String.raw`(?= (?:that )?(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}|it|he|she|they|we) ha(?:s|ve) \p{L}+(?:ed|en)\b)`,
  'giu',
);

/** Where "time" follows a word: the few places NTH_TIME can match, found by a cheap scan of the text. */
const TIME_WORD = / time /gi;

/** Running counts written as an ordinal of "time". */
export function scanOrdinalCounts(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  let done = 0;
  for (const t of text.matchAll(TIME_WORD)) {
    // "the twelfth" is at most 12 characters before " time"; the clause after it, a line.
    const from = Math.max(done, t.index - 13);
    const window = text.slice(from, t.index + 160);
    for (const m of window.matchAll(NTH_TIME)) {
      const at = from + m.index;
      const word = m[1]!.toLowerCase();
      const value = ORDINALS[word] ?? Number.parseInt(word, 10);
      out.push({ start: at + 'the '.length, end: at + m[0].length, value, qualifier: null, measure: 'times' });
      done = at + m[0].length;
    }
  }
  return out;
}
