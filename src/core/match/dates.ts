/** Dates as the corpus writes them (YYYY-MM-DD), compared in whole days. */

const DAY_MS = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parse(date: string | null): number | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** `to` minus `from` in days (positive when `to` is later); null when either date is unknown. */
export function daysBetween(from: string | null, to: string | null): number | null {
  const a = parse(from);
  const b = parse(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

/** "12 March 2012", or "an unknown date". */
export function formatDate(date: string | null): string {
  const t = parse(date);
  if (t === null) return 'an unknown date';
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
