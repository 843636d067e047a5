import { sameKind, valuesAgree } from './figure-values';
import { sameMeasure } from './same-measure';
import { compareQuotes, prepareQuote, type PreparedQuote } from './quote-compare';
import type {
  ActorGap,
  ArticleSummary,
  Carrier,
  CoverageGaps,
  FigureGap,
  Gaps,
  QuoteGap,
  SummaryFigure,
  SummaryQuote,
  VersionGaps,
} from './types';

/**
 * What the other versions of the story carry that the page leaves out (`missing`), each with
 * the articles that carry it, most widely carried first; and what only the page carries
 * (`extra`). Every actor is reported, even the ones every version names: sorting by how many
 * carry them puts the telling omissions first. A figure counts as carried when a figure of the
 * same thing (same-measure.ts) agrees with it; a quote when the same quote is there exactly,
 * nearly or in part. `versions` gives the same for each version against the page alone.
 */
export function coverageGaps(page: ArticleSummary, others: readonly ArticleSummary[]): CoverageGaps {
  const versions = others.filter((o) => o.id !== page.id);
  return {
    ...gapsAgainst(page, versions),
    versions: versions.map(
      (v): VersionGaps => ({ ...carrier(v), published: v.published, headline: v.headline, ...gapsAgainst(page, [v]) }),
    ),
  };
}

function gapsAgainst(page: ArticleSummary, versions: ArticleSummary[]): { missing: Gaps; extra: Gaps } {
  // Figures are compared with their articles' dates: one incident's toll is only another's within days.
  const dateOf = new Map<SummaryFigure, string | null>();
  for (const s of [page, ...versions]) for (const f of s.figures) dateOf.set(f, s.published);
  const dated = (f: SummaryFigure) => ({ ...f, published: dateOf.get(f) ?? null });
  const sameFigure = (a: SummaryFigure, b: SummaryFigure) => sameMeasure(dated(a), dated(b)) && valuesAgree(a, b);
  /**
   * Listed as one gap: agreeing numbers, or the same vague word ("dozens" would swallow "about 30"
   * and "at least 45").
   */
  const oneFigure = (a: SummaryFigure, b: SummaryFigure) =>
    vague(a) || vague(b) ? sameKind(a, b) && a.text.toLowerCase() === b.text.toLowerCase() : sameFigure(a, b);
  const quotes = new Map<SummaryQuote, PreparedQuote>();
  for (const q of [page, ...versions].flatMap((s) => s.quotes)) quotes.set(q, prepareQuote(q.text));
  const relation = (a: SummaryQuote, b: SummaryQuote) => compareQuotes(quotes.get(a)!, quotes.get(b)!)?.kind;
  // The page carries a quote it has even in part; but a fragment and the full quote are
  // listed apart, as the full one says more.
  const sameQuote = (a: SummaryQuote, b: SummaryQuote) => relation(a, b) !== undefined;
  const oneQuote = (a: SummaryQuote, b: SummaryQuote) => relation(a, b) === 'exact' || relation(a, b) === 'near';
  const here = [carrier(page)];
  return {
    missing: {
      actors: missingActors(page, versions),
      figures: missing(page, versions, (s) => s.figures, sameFigure, oneFigure).map(
        ([figure, carriedBy]): FigureGap => ({ figure, carriedBy }),
      ),
      quotes: missing(page, versions, (s) => s.quotes, sameQuote, oneQuote).map(
        ([quote, carriedBy]): QuoteGap => ({ quote, carriedBy }),
      ),
    },
    extra: {
      actors: extraActors(page, versions).map(
        (id): ActorGap => ({ id, label: page.labels[id] ?? id, carriedBy: here }),
      ),
      figures: onlyOn(page, versions, (s) => s.figures, sameFigure, oneFigure).map(
        (figure): FigureGap => ({ figure, carriedBy: here }),
      ),
      quotes: onlyOn(page, versions, (s) => s.quotes, sameQuote, oneQuote).map(
        (quote): QuoteGap => ({ quote, carriedBy: here }),
      ),
    },
  };
}

const carrier = (s: ArticleSummary): Carrier => ({ articleId: s.id, outlet: s.outlet });
const vague = (f: SummaryFigure) => f.value === null && f.low === null;

function missingActors(page: ArticleSummary, versions: ArticleSummary[]): ActorGap[] {
  const gaps = new Map<string, ActorGap>();
  for (const o of versions) {
    for (const id of Object.keys(o.actors)) {
      if (id in page.actors) continue;
      const gap = gaps.get(id) ?? { id, label: o.labels[id] ?? id, carriedBy: [] };
      gap.carriedBy.push(carrier(o));
      gaps.set(id, gap);
    }
  }
  return [...gaps.values()].sort((a, b) => b.carriedBy.length - a.carriedBy.length || a.label.localeCompare(b.label));
}

/** The page's actors no version names, most mentioned first. */
function extraActors(page: ArticleSummary, versions: ArticleSummary[]): string[] {
  const label = (id: string) => page.labels[id] ?? id;
  return Object.keys(page.actors)
    .filter((id) => !versions.some((o) => id in o.actors))
    .sort((a, b) => page.actors[b]! - page.actors[a]! || label(a).localeCompare(label(b)));
}

/**
 * Items the versions carry and the page does not (by `carried`), grouped by `same` (the
 * first item of a group stands for it), each with the articles carrying it, most carried first.
 */
function missing<T>(
  page: ArticleSummary,
  versions: ArticleSummary[],
  items: (s: ArticleSummary) => T[],
  carried: (a: T, b: T) => boolean,
  same: (a: T, b: T) => boolean,
): [T, Carrier[]][] {
  const groups: [T, Carrier[]][] = [];
  for (const o of versions) {
    for (const item of items(o)) {
      if (items(page).some((p) => carried(p, item))) continue;
      const group = groups.find(([first]) => same(first, item));
      if (!group) groups.push([item, [carrier(o)]]);
      else if (!group[1].some((c) => c.articleId === o.id)) group[1].push(carrier(o));
    }
  }
  return groups.sort((a, b) => b[1].length - a[1].length);
}

/** The page's items no version carries (by `carried`); one of each `same` group ("$6M", "$6 million"). */
function onlyOn<T>(
  page: ArticleSummary,
  versions: ArticleSummary[],
  items: (s: ArticleSummary) => T[],
  carried: (a: T, b: T) => boolean,
  same: (a: T, b: T) => boolean,
): T[] {
  const mine = items(page);
  const first = mine.filter((item, i) => !mine.slice(0, i).some((earlier) => same(earlier, item)));
  return first.filter((item) => !versions.some((o) => items(o).some((t) => carried(item, t))));
}
