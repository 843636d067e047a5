import { daysBetween, formatDate } from './dates';
import { describeFigure, interval, sameKind, valuesAgree } from './figure-values';
import type { FigureCandidate, FigureLikeItem, FigureQuery, FiguresLike, FigureVerdict } from './types';

/** Tolls that only ever grow: a later, lower figure is a real disagreement, not an update. */
const CUMULATIVE = new Set(['deaths']);

/**
 * Other articles' figures of the same kind (what they count, the subject, the currency) as
 * `figure`, oldest first, with a verdict: 'agree' when every value is compatible with it
 * (qualifiers and vague words allow ranges: see figure-values.ts), 'differ-dates-explain'
 * when every disagreeing figure is from another day (a toll reported months apart has grown),
 * 'differ' otherwise. Null verdict when no other article gives such a figure.
 */
export function figuresLike(figure: FigureQuery, candidates: readonly FigureCandidate[]): FiguresLike {
  const items: FigureLikeItem[] = candidates
    .filter((c) => sameKind(figure, c))
    .map((c) => ({ ...c, agrees: valuesAgree(figure, c), days: daysBetween(figure.published, c.published) }))
    .sort((a, b) => (a.published ?? '~').localeCompare(b.published ?? '~') || a.outlet.localeCompare(b.outlet));
  if (items.length === 0) return { items, verdict: null, explanation: 'No other article gives a figure of this kind.' };
  const differing = items.filter((i) => !i.agrees);
  const verdict: FigureVerdict =
    differing.length === 0
      ? 'agree'
      : differing.every((d) => timeExplains(figure, d))
        ? 'differ-dates-explain'
        : 'differ';
  return { items, verdict, explanation: explain(figure, items, differing, verdict) };
}

/** Whether the dates may explain a disagreement: another day, and not a toll that fell. */
function timeExplains(figure: FigureQuery, other: FigureLikeItem): boolean {
  return other.days !== null && other.days !== 0 && !tollFell(figure, other);
}

/** A cumulative toll that is lower at the later date. */
function tollFell(figure: FigureQuery, other: FigureLikeItem): boolean {
  if (!CUMULATIVE.has(figure.counts) || other.days === null) return false;
  const [earlier, later] = other.days > 0 ? [interval(figure), interval(other)] : [interval(other), interval(figure)];
  return !!earlier && !!later && later[1] < earlier[0];
}

function explain(
  figure: FigureQuery,
  items: FigureLikeItem[],
  differing: FigureLikeItem[],
  verdict: FigureVerdict,
): string {
  const mine = `this article's ${describeFigure(figure)} (${formatDate(figure.published)})`;
  const gives = (x: FigureLikeItem) => `${x.outlet} gives ${describeFigure(x)} (${formatDate(x.published)})`;
  const counted = `${differing.length || items.length} of ${items.length} other articles`;
  const others = items.length === 1 ? '' : `${counted} ${differing.length ? 'differ' : 'agree'}; `;
  if (verdict === 'agree') return `${others}${gives(items[0]!)}, which agrees with ${mine}.`;
  // For an explained difference the most distant one in time; otherwise one time does not explain.
  const d =
    verdict === 'differ-dates-explain'
      ? [...differing].sort((a, b) => Math.abs(b.days!) - Math.abs(a.days!))[0]!
      : differing.find((x) => !timeExplains(figure, x))!;
  const theirs = gives(d);
  if (verdict === 'differ-dates-explain') {
    const later = d.days! > 0 ? `${d.outlet}'s figure is the later one` : `this article's figure is the later one`;
    const why = CUMULATIVE.has(figure.counts) ? 'a cumulative toll grows' : 'the count may have changed in between';
    const apart = `${Math.abs(d.days!)} days apart and ${later}`;
    return `${others}${theirs} against ${mine}: ${apart}, so the dates may explain the difference (${why}).`;
  }
  if (tollFell(figure, d)) {
    return `${others}${theirs} against ${mine}: the later toll is the lower one, which time does not explain.`;
  }
  const when = d.days === 0 ? 'on the same day' : 'and the dates cannot be compared';
  return `${others}${theirs} against ${mine}, ${when}: the accounts differ.`;
}
