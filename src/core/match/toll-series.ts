/**
 * A cumulative toll as it was reported over time: the page's figure and the other outlets'
 * for the same place, oldest first. A toll only grows, so a later, higher figure is the
 * series moving on; only a fall, or two values on one day, is a disagreement.
 */
import { daysBetween } from './dates';
import { below, describeFigure, type FigureNumbers, valuesAgree } from './figure-values';
import { CUMULATIVE } from './same-measure';
import type { FigureLikeItem, FigureQuery } from './types';

/** How a point stands against the one before it. */
export type SeriesChange = 'first' | 'same' | 'grew' | 'fell' | 'differs' | 'other source' | 'undated';

export interface SeriesPoint {
  /** Null for the page itself. */
  outlet: string | null;
  articleId: string | null;
  published: string | null;
  /** The figure as written ("over 7,500 people"). */
  text: string;
  attribution: string | null;
  change: SeriesChange;
}

/**
 * The series a cumulative toll belongs to, or null for any other figure or when no other
 * article gives the same toll. `items` are figuresLike's judged items (same place).
 */
export function tollSeries(figure: FigureQuery, items: readonly FigureLikeItem[]): SeriesPoint[] | null {
  if (!CUMULATIVE.has(figure.counts) || items.length === 0) return null;
  const page = { ...figure, outlet: null, articleId: null, text: describeFigure(figure), attribution: null };
  const points = [page, ...items];
  // The page first among figures of its day: it is what the reader compares from.
  const dated = points
    .filter((p) => p.published !== null)
    .sort((a, b) => a.published!.localeCompare(b.published!) || Number(a !== page) - Number(b !== page));
  const undated = points.filter((p) => p.published === null);
  return [
    ...dated.map((p, i) => point(p, i === 0 ? 'first' : change(dated[i - 1]!, p))),
    ...undated.map((p) => point(p, 'undated')),
  ];
}

type Reported = FigureNumbers & { published: string | null; articleId: string | null };

/**
 * `later` against the point before it. One article giving two tolls ("2,000 according to the
 * monitors, 900 according to the government") reports two sources' counts, not a contradiction.
 */
function change(earlier: Reported, later: Reported): SeriesChange {
  if (valuesAgree(earlier, later)) return 'same';
  if (earlier.articleId !== null && earlier.articleId === later.articleId) return 'other source';
  if (daysBetween(earlier.published, later.published) === 0) return 'differs';
  return below(earlier, later) ? 'grew' : 'fell';
}

function point(
  p: Reported & { outlet: string | null; text?: string; attribution: string | null },
  change: SeriesChange,
): SeriesPoint {
  return {
    outlet: p.outlet,
    articleId: p.articleId,
    published: p.published,
    text: p.text ?? '',
    attribution: p.attribution,
    change,
  };
}
