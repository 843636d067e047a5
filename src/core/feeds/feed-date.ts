/**
 * A feed's date as YYYY-MM-DD. The date is the one the outlet wrote, in the outlet's own
 * offset ("Tue, 03 Jun 2025 22:15:00 -0400" is the 3rd, though it is the 4th in UTC): that is
 * the day the article says it was published, which the engine resolves roles against.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** ISO 8601 and RFC 3339 (Atom, JSON Feed, Dublin Core): the date is written first. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})/;
/** RFC 822 and its variants (RSS): "Tue, 3 Jun 2025 …", "03 June 2025". */
const RFC822 = /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{4}|\d{2})\b/i;

/** The date of a feed's timestamp, or null when it has none or none that can be read. */
export function feedDate(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) return day(+iso[1]!, +iso[2]!, +iso[3]!);
  const rfc = RFC822.exec(s);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    const year = rfc[3]!.length === 2 ? (+rfc[3]! < 70 ? 2000 : 1900) + +rfc[3]! : +rfc[3]!;
    return month ? day(year, month, +rfc[1]!) : null;
  }
  const time = Date.parse(s); // anything else the platform reads, in UTC
  return Number.isNaN(time) ? null : day(...utcParts(new Date(time)));
}

function utcParts(date: Date): [number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** YYYY-MM-DD of a real calendar day in a plausible range, else null. */
function day(year: number, month: number, date: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, date));
  if (year < 1900 || year > 2200 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
