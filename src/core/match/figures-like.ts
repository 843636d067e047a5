import { daysBetween, formatDate } from './dates';
import { describeFigure, valuesAgree } from './figure-values';
import { CUMULATIVE, related, sameMeasure, tollChange, unclearIncidents } from './same-measure';
import type {
  FigureAlongside,
  FigureCandidate,
  FigureLikeItem,
  FigureQuery,
  FiguresLike,
  FigureVerdict,
} from './types';

/**
 * Other articles' figures of the same kind as `figure`, oldest first. Those that measure the
 * same thing (same-measure.ts: one incident, one cumulative series, or one subject and
 * currency) are judged: 'agree' when every article gives a compatible value (qualifiers and
 * vague words allow ranges: see figure-values.ts), 'differ-dates-explain' when every
 * disagreeing article is from another day (a toll reported months apart has grown), 'differ'
 * otherwise. The others (another incident, an unnamed place) come `alongside`, unjudged.
 * Null verdict when nothing measures the same thing.
 */
export function figuresLike(figure: FigureQuery, candidates: readonly FigureCandidate[]): FiguresLike {
  const shown = candidates.filter((c) => related(figure, c));
  const unclear = unclearByArticle(shown);
  const judged = (c: FigureCandidate) => !figure.severalIncidents && !unclear.has(c) && sameMeasure(figure, c);
  const dated = (c: FigureCandidate): FigureAlongside => ({ ...c, days: daysBetween(figure.published, c.published) });
  const items = shown
    .filter(judged)
    .map((c): FigureLikeItem => ({ ...dated(c), agrees: valuesAgree(figure, c) }))
    .sort(oldestFirst);
  const alongside = shown
    .filter((c) => !judged(c))
    .map(dated)
    .sort(oldestFirst);
  if (items.length === 0) return { items, alongside, verdict: null, explanation: unjudged(alongside) };
  // An article agrees when one of its figures does: the others may be older tolls it recalls.
  const agreeing = new Set(items.filter((i) => i.agrees).map((i) => i.articleId));
  const differing = items.filter((i) => !agreeing.has(i.articleId));
  const verdict: FigureVerdict =
    differing.length === 0
      ? 'agree'
      : differing.every((d) => timeExplains(figure, d))
        ? 'differ-dates-explain'
        : 'differ';
  return { items, alongside, verdict, explanation: explain(figure, items, differing, verdict) };
}

const oldestFirst = (a: FigureAlongside, b: FigureAlongside) =>
  (a.published ?? '~').localeCompare(b.published ?? '~') || a.outlet.localeCompare(b.outlet);

/** Each article's unclear incident tolls (same-measure.ts), over all the articles. */
function unclearByArticle(figures: readonly FigureCandidate[]): Set<FigureCandidate> {
  const byArticle = new Map<string, FigureCandidate[]>();
  for (const f of figures) byArticle.set(f.articleId, [...(byArticle.get(f.articleId) ?? []), f]);
  return new Set([...byArticle.values()].flatMap((fs) => [...unclearIncidents(fs)]));
}

function unjudged(alongside: readonly FigureAlongside[]): string {
  if (alongside.length === 0) return 'No other article gives a figure of this kind.';
  const n = new Set(alongside.map((a) => a.articleId)).size;
  return `${articles(n)} ${n === 1 ? 'gives' : 'give'} a figure of this kind for another incident, place or time: shown side by side, not compared.`;
}

const articles = (n: number) => (n === 1 ? '1 other article' : `${n} other articles`);

/** Whether the dates may explain a disagreement: another day, and not a toll that fell. */
function timeExplains(figure: FigureQuery, other: FigureLikeItem): boolean {
  return other.days !== null && other.days !== 0 && !tollFell(figure, other);
}

/** A cumulative toll that is lower at the later date. */
const tollFell = (figure: FigureQuery, other: FigureLikeItem) => tollChange(figure, other) === 'fell';

function explain(
  figure: FigureQuery,
  items: FigureLikeItem[],
  differing: FigureLikeItem[],
  verdict: FigureVerdict,
): string {
  const mine = `this article's ${describeFigure(figure)} (${formatDate(figure.published)})`;
  const gives = (x: FigureLikeItem) => `${x.outlet} gives ${describeFigure(x)} (${formatDate(x.published)})`;
  // Articles, not figures: one article may give the toll twice, or an older one beside it.
  const total = new Set(items.map((i) => i.articleId)).size;
  const differ = new Set(differing.map((i) => i.articleId)).size;
  const others = total === 1 ? '' : `${differ || total} of ${total} other articles ${differ ? 'differ' : 'agree'}; `;
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
