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

/** Running counts written as an ordinal of "time". */
export function scanOrdinalCounts(text: string): RawFigure[] {
  return [...text.matchAll(NTH_TIME)].map((m) => {
    const start = m.index + 'the '.length;
    const word = m[1]!.toLowerCase();
    const value = ORDINALS[word] ?? Number.parseInt(word, 10);
    return { start, end: m.index + m[0].length, value, qualifier: null, measure: 'times' };
  });
}
