import { describeFigure, interval, valuesAgree } from './figure-values';
import { type DatedFigure, INCIDENT, sameMeasure, tollGrew, unclearIncidents } from './same-measure';
import type { ArticleSummary, MatchReason, SummaryFigure } from './types';
import { round, uniqueBy } from './util';

type Reason = Extract<MatchReason, { kind: 'figures' }>;
type Dated = SummaryFigure & DatedFigure;

/** The page's figures worth comparing, once per match: "$6M" in a subhead and "$6 million" in the body are one. */
export function pageFigures(page: ArticleSummary): Dated[] {
  return uniqueBy(comparable(page), (f) =>
    [f.counts, f.subject?.toLowerCase(), f.unit, f.value, f.low, f.high, f.qualifier].join('|'),
  );
}

/**
 * Figures that measure the same thing in both articles (same-measure.ts): the share of the
 * page's compared figures that agree with one of the other's. Figures counting 'other'
 * things, vague words we cannot read and incident tolls that name no single incident are
 * left out; a differing incident toll neither helps nor hurts, and neither does a cumulative
 * toll that grew between the two dates.
 */
export function figureEvidence(mine: Dated[], other: ArticleSummary): Reason | null {
  if (mine.length === 0) return null;
  const theirs = comparable(other);
  const compared: Reason['compared'] = [];
  for (const f of mine) {
    const same = theirs.filter((t) => sameMeasure(f, t));
    const agreeing = same.find((t) => valuesAgree(f, t));
    const differing = same.find((t) => !tollGrew(f, t));
    if (agreeing)
      compared.push({ counts: f.counts, page: describeFigure(f), other: describeFigure(agreeing), agree: true });
    else if (differing && !INCIDENT.has(f.counts))
      compared.push({ counts: f.counts, page: describeFigure(f), other: describeFigure(differing), agree: false });
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

/** An article's figures that can be compared, each with the article's date. */
function comparable(s: ArticleSummary): Dated[] {
  const unclear = unclearIncidents(s.figures);
  return s.figures.filter((f) => usable(f) && !unclear.has(f)).map((f) => ({ ...f, published: s.published }));
}

/** Figures counting 'other' things, and vague words we cannot read, are not compared. */
const usable = (f: SummaryFigure) => f.counts !== 'other' && interval(f) !== null;
