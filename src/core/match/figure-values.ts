/**
 * When two figures can describe the same fact: each figure becomes the interval of values
 * its wording allows, and two figures agree when their intervals meet.
 */

/** The numbers of a figure, as both annotations and summaries carry them. */
export interface FigureNumbers {
  counts: string;
  subject: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  unit?: string;
  text?: string;
}

/**
 * Vague quantities, read as "at least two of them" up to the next order of magnitude:
 * "dozens" is 24..99, "thousands" 2,000..9,999.
 */
const VAGUE: [RegExp, number, number][] = [
  [/\bhundreds of thousands\b/i, 2e5, 999_999],
  [/\btens of thousands\b/i, 2e4, 99_999],
  [/\bdozens\b/i, 24, 99],
  [/\bscores\b/i, 40, 199],
  [/\bhundreds\b/i, 200, 999],
  [/\bthousands\b/i, 2000, 9999],
  [/\bmillions\b/i, 2e6, 9_999_999],
];

/**
 * How far each qualifier stretches a number. "over 7,500" allows up to half as much again
 * (a writer who knew of 11,000 would have said so); "about" and "estimated" allow 15%
 * either way; "nearly" up to 15% below; "up to" and "under" anything below.
 */
const STRETCH: Record<string, [number, number]> = {
  over: [1, 1.5],
  'at least': [1, 1.5],
  about: [0.85, 1.15],
  estimated: [0.85, 1.15],
  nearly: [0.85, 1],
  'up to': [0, 1],
  under: [0, 1],
};

/** The values a figure's wording allows, or null when it gives none we can read (a vague word we do not know). */
export function interval(f: FigureNumbers): [number, number] | null {
  const [down, up] = (f.qualifier && STRETCH[f.qualifier]) || [1, 1];
  if (f.value !== null) return [f.value * down, f.value * up];
  if (f.low !== null && f.high !== null) return [f.low * down, f.high * up];
  const vague = f.text ? VAGUE.find(([re]) => re.test(f.text!)) : undefined;
  return vague ? [vague[1], vague[2]] : null;
}

/** Whether two figures count the same thing about the same subject (an unnamed subject fits any). */
export function sameKind(a: FigureNumbers, b: FigureNumbers): boolean {
  if (a.counts !== b.counts) return false;
  if (a.subject && b.subject && a.subject.toLowerCase() !== b.subject.toLowerCase()) return false;
  // $6M Canadian is not $6M American; a figure without a unit takes the other's.
  return !(a.unit && b.unit && a.unit !== b.unit);
}

/** Whether two figures' values are compatible. A figure we cannot read contradicts nothing. */
export function valuesAgree(a: FigureNumbers, b: FigureNumbers): boolean {
  const x = interval(a);
  const y = interval(b);
  if (!x || !y) return true;
  const low = Math.max(x[0], y[0]);
  const high = Math.min(x[1], y[1]);
  // Intervals that merely touch ("at least 16", up to 24, against "dozens", from 24) meet
  // only when one of them is a single exact number.
  return low < high || (low === high && (x[0] === x[1] || y[0] === y[1]));
}

/** Whether every value `a` allows is lower than every value `b` allows (two that agree are neither). */
export function below(a: FigureNumbers, b: FigureNumbers): boolean {
  const x = interval(a);
  const y = interval(b);
  return !!x && !!y && x[1] <= y[0] && !valuesAgree(a, b);
}

/** "over 7,500 people", from the figure's own text when it has one. */
export function describeFigure(f: FigureNumbers): string {
  if (f.text) return f.text.trim();
  const n =
    f.value ??
    (f.low !== null && f.high !== null ? `${f.low.toLocaleString('en-US')}-${f.high.toLocaleString('en-US')}` : null);
  const number = typeof n === 'number' ? n.toLocaleString('en-US') : (n ?? 'an unstated number');
  return f.qualifier ? `${f.qualifier} ${number}` : number;
}
