/** Levenshtein distance of two short strings, stopping early once it passes `max` (then max + 1). */
export function editDistance(a: string, b: string, max: number): number {
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

/** Two words are one word spelled two ways: same first letter, four letters or more, at most two edits apart. */
export const sameWord = (a: string, b: string) =>
  a === b || (a[0] === b[0] && Math.min(a.length, b.length) >= 4 && editDistance(a, b, 2) <= 2);
