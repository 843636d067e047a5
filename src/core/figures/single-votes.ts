import { isVoteTally } from './labels';
import type { RawFigure } from './scan';

/**
 * "One" is too common a word to read as a number everywhere ("one of the few", "one voice").
 * In a vote it is a count like any other: "one abstention", "one absent country", "one
 * member against".
 */

const ONE_VOTER =
  /(?<![\p{L}])one\s+(?:[\p{Ll}-]+\s+)?(?:abstentions?|votes?|country|state|member|nation|delegation|ballot)(?![\p{L}])/giu;

/** "one" counting a vote, a voter or an abstention in a sentence about a vote. */
export function scanSingleVotes(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (const m of text.matchAll(ONE_VOTER)) {
    const around = text.slice(Math.max(0, m.index - 150), m.index + m[0].length + 60);
    if (isVoteTally(around)) out.push({ start: m.index, end: m.index + 3, value: 1, qualifier: null });
  }
  return out;
}
