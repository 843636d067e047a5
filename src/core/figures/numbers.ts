/** Reading numbers as news copy writes them: "7,500", "7.500" (European), "1.2bn", "two", "50-60 thousand". */

export const UNITS: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

export const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  // French and German, for European outlets: "1,5 Millionen", "2 milliards".
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  millionen: 1e6,
  milliarde: 1e9,
  milliarden: 1e9,
  mio: 1e6,
  mrd: 1e9,
};

/** Vague quantities a reader may still check: value null. */
export const VAGUE = new Set([
  'dozens',
  'scores',
  'hundreds',
  'thousands',
  'millions',
  'tens of thousands',
  'hundreds of thousands',
]);

export const FRACTIONS: Record<string, number> = {
  half: 0.5,
  thirds: 1 / 3,
  third: 1 / 3,
  quarters: 0.25,
  quarter: 0.25,
  fifths: 0.2,
  fifth: 0.2,
};

export type NumberStyle = 'english' | 'european';

/**
 * Whether the text writes thousands with dots ("7.500 Tote", "1,5 Millionen"): dotted
 * thousands groups and no comma-grouped ones.
 */
export function numberStyle(text: string): NumberStyle {
  const dotted =
    (text.match(/\b\d{1,3}(?:\.\d{3})+(?![\d,.])/g) ?? []).length +
    (text.match(/\b\d+,\d{1,2}\s?(?:Mio|Mrd|Million|Milliard|millions?|milliards?|%)/g) ?? []).length +
    (text.match(/\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])/g) ?? []).length;
  const commas = (text.match(/\b\d{1,3}(?:,\d{3})+(?![\d])/g) ?? []).length;
  return dotted > commas ? 'european' : 'english';
}

/** Parse a digit string in the given style: "7,500" -> 7500, "7.500" (European) -> 7500, "1.2" -> 1.2. */
export function parseDigits(s: string, style: NumberStyle): number {
  const [group, decimal] = style === 'european' ? ['.', ','] : [',', '.'];
  const plain = s
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(group)
    .join('')
    .replace(decimal, '.');
  return Number(plain);
}

/** Value of a written number ("twenty-five", "a dozen"), or null. */
export function wordValue(words: string): number | null {
  const parts = words
    .toLowerCase()
    .replace(/^a\s+/, '')
    .split(/[\s-]+/);
  let total = 0;
  for (const p of parts) {
    if (p in UNITS) total += UNITS[p]!;
    else if (p in SCALES && total > 0) total *= SCALES[p]!;
    else if (p !== 'and') return null;
  }
  return total || null;
}
