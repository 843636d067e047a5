import { stripMarks } from '../text/fold';

/** How a name is compared for spelling: no accents, case, dots, hyphens, or Arabic article. */
function nameTokens(form: string): string[] {
  return stripMarks(form)
    .toLowerCase()
    .replace(/[.’'`]/g, '')
    .split(/[\s-]+/)
    .filter((t) => t && t !== 'al' && t !== 'el');
}

/** Levenshtein distance, stopping early once it passes `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Two tokens are one word spelled two ways: same first letter, long enough, at most two edits apart. */
const sameWord = (a: string, b: string) =>
  a === b || (a[0] === b[0] && Math.min(a.length, b.length) >= 4 && distance(a, b, 2) <= 2);

/**
 * The forms in `theirs` that spell a name of `mine` differently ("Sergei Lavrov" against
 * "Sergey Lavrov", "al-Qaida" against "al-Qaeda"): same number of words, each the same word
 * or a near spelling of it, at least one spelled otherwise. A shorter or longer form
 * ("Lavrov", "Foreign Minister Lavrov") is a choice of words, not of spelling, and so is a
 * form that differs only in dots, case or accents ("U.N." and "UN").
 */
export function spellingVariants(mine: readonly string[], theirs: readonly string[]): string[] {
  const own = mine.map(nameTokens);
  const seen = new Set(own.map((t) => t.join(' ')));
  return [...new Set(theirs)].filter((form) => {
    const t = nameTokens(form);
    if (t.length === 0 || seen.has(t.join(' '))) return false;
    return own.some((o) => o.length === t.length && o.every((w, i) => sameWord(w, t[i]!)));
  });
}
