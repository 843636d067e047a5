import { describeFigure, interval, sameKind, valuesAgree } from './figure-values';
import type { ArticleSummary, MatchReason, SummaryFigure } from './types';
import { round, uniqueBy } from './util';

type Reason = Extract<MatchReason, { kind: 'figures' }>;

/** The page's figures worth comparing, once per match: "$6M" in a subhead and "$6 million" in the body are one. */
export function pageFigures(page: ArticleSummary): SummaryFigure[] {
  return uniqueBy(page.figures.filter(usable), (f) =>
    [f.counts, f.subject?.toLowerCase(), f.unit, f.value, f.low, f.high, f.qualifier].join('|'),
  );
}

/** One incident's toll: two articles giving different ones likely report different incidents, not a contradiction. */
const INCIDENT = new Set(['killed', 'wounded', 'arrested']);

/**
 * Figures of the same kind in both articles: the share of the page's comparable figures that
 * agree with one of the other's. Figures counting 'other' things and vague words we cannot
 * read are left out; a differing incident toll neither helps nor hurts.
 */
export function figureEvidence(mine: SummaryFigure[], other: ArticleSummary): Reason | null {
  if (mine.length === 0) return null;
  const theirs = other.figures.filter(usable);
  const compared: Reason['compared'] = [];
  for (const f of mine) {
    const same = theirs.filter((t) => sameKind(f, t));
    const agreeing = same.find((t) => valuesAgree(f, t));
    if (agreeing)
      compared.push({ counts: f.counts, page: describeFigure(f), other: describeFigure(agreeing), agree: true });
    else if (same[0] && !INCIDENT.has(f.counts))
      compared.push({ counts: f.counts, page: describeFigure(f), other: describeFigure(same[0]), agree: false });
  }
  if (compared.length === 0) return null;
  const agree = compared.filter((c) => c.agree);
  const similarity = agree.length / compared.length;
  const list = (cs: typeof compared) => cs.map((c) => `${c.counts} ${c.page} / ${c.other}`).join('; ');
  const summary = agree.length
    ? `Figures that agree: ${list(agree)}`
    : `Figures of the same kind that differ: ${list(compared)}`;
  return { kind: 'figures', similarity: round(similarity), summary, compared };
}

/** Figures counting 'other' things, and vague words we cannot read, are not compared. */
const usable = (f: SummaryFigure) => f.counts !== 'other' && interval(f) !== null;
