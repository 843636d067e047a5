import { daysBetween } from './dates';
import { containmentEstimate, jaccardEstimate } from './minhash';
import { actorEvidence, actorVector } from './actor-evidence';
import { figureEvidence, pageFigures } from './figure-evidence';
import { pageQuotes, quoteEvidence } from './quote-evidence';
import type { ArticleSummary, MatchReason, StoryLabel, StoryMatch, SummaryFigure } from './types';
import { round } from './util';

/** How many articles there are and how many name an actor: what makes an actor rare. */
export interface CorpusStats {
  totalArticles: number;
  articlesMentioning: (actorId: string) => number;
}

/**
 * How far shared quotes and agreeing figures close the gap between the actor similarity and
 * 1. Actors are always there and say most about what a story is about; a shared quote or an
 * agreeing figure is strong evidence of the same event, but its absence is no evidence of
 * another one (a story months later quotes new things), so it can only raise the similarity.
 */
const QUOTE_LIFT = 0.5;
const FIGURE_LIFT = 0.3;
/** Share of the shorter text's 5-word sequences the longer holds, from which it is a copy of it. */
export const SYNDICATED = 0.5;
/**
 * Shared 5-word sequences a copy needs at least (a passage of about 25 words): a headline or a
 * stock phrase wholly found in a long text is not a copy of it. Fewer shared weigh less.
 */
const COPY_SHINGLES = 20;
/** Similarity below which two articles are unrelated (two stories merely naming the US and China stay far under it). */
export const RELATED = 0.2;
/** Articles this many days apart or fewer can report the same event. */
export const SAME_EVENT_DAYS = 2;
/**
 * Actor similarity from which the actors two articles share carry a good part of both
 * articles' weight, rarity counted: not just the states everyone names, but the people and
 * bodies that make the story. The first half of the evidence of one event; alone it is not
 * enough (a story months later names the same people).
 */
const STRONG_ACTORS = 0.3;
/**
 * What corroborates that shared actors are one event: a passage both carry (a tenth of the
 * shorter text, at least a sentence of shared 5-word sequences), a shared quote of a few
 * words (see quote-evidence.ts), or an agreeing definite count.
 */
const SHARED_PASSAGE = 0.1;
const PASSAGE_SHINGLES = 10;
const SHARED_QUOTE = 0.15;
/**
 * Ranking weight of a candidate that shares only names with the page: a short item naming the
 * page's rarest actors can reach a high actor similarity, but a copy or a report sharing its
 * text, quotes or figures is the better version to read.
 */
const NAMES_ONLY = 0.6;
/** Ranking discounts older and newer stories down to this factor; undated ones get UNDATED. */
const FLOOR = 0.5;
const DECAY_DAYS = 30;
const UNDATED = 0.8;

type TextReason = Extract<MatchReason, { kind: 'text' }>;

/** How much text two articles share: containment from their sketches, else (older summaries) Jaccard. */
interface TextOverlap {
  /** 0..1: share of the shorter text the longer holds (or the Jaccard similarity). */
  share: number;
  /** Estimated 5-word sequences shared (0 when only Jaccard is known). */
  shared: number;
  reason: TextReason;
}

/**
 * Candidates ranked as versions of the page's story. The evidence (actor-, quote- and
 * figure-evidence.ts, and the text both carry) combines as
 *   similarity = 1 - (1 - actors) x (1 - 0.5 quotes) x (1 - 0.3 figures),
 * raised to twice the text containment when that is higher (an edited wire copy is the same
 * story whatever else the engine sees). The label (see labelFor) reads similarity, evidence
 * and dates. score = similarity x a date factor (1 within two days, falling towards 0.5 over
 * months) x 0.6 when only names are shared, for ranking. The page (same id) is left out.
 */
export function storyMatch(
  page: ArticleSummary,
  candidates: readonly ArticleSummary[],
  stats: CorpusStats,
): StoryMatch[] {
  const rarity = rarityOf(stats);
  const mine = actorVector(page, rarity);
  const quotes = pageQuotes(page);
  const figs = pageFigures(page);
  const definite = figs.filter(isDefiniteCount);
  const out: StoryMatch[] = [];
  for (const c of candidates) {
    if (c.id === page.id) continue;
    const label = (id: string) => page.labels[id] ?? c.labels[id] ?? id;
    const actors = actorEvidence(mine, actorVector(c, rarity), label, rarity);
    const quoted = quoteEvidence(quotes, c);
    const figures = figureEvidence(figs, c);
    const content =
      1 -
      (1 - (actors?.similarity ?? 0)) *
        (1 - QUOTE_LIFT * (quoted?.similarity ?? 0)) *
        (1 - FIGURE_LIFT * (figures?.similarity ?? 0));
    const text = textOverlap(page, c);
    const similarity = Math.max(content, Math.min(1, 2 * text.share * Math.min(1, text.shared / COPY_SHINGLES)));
    const days = daysBetween(page.published, c.published);
    const factor = dateFactor(days);
    const corroborated =
      (text.share >= SHARED_PASSAGE && text.shared >= PASSAGE_SHINGLES) ||
      (quoted?.similarity ?? 0) >= SHARED_QUOTE ||
      // A definite count can agree only where some figure agreed: only then are they compared again.
      (definite.length > 0 &&
        !!figures?.compared.some((f) => f.agree) &&
        !!figureEvidence(definite, c)?.compared.some((f) => f.agree));
    const evidence: Evidence = {
      copy: text.share >= SYNDICATED && text.shared >= COPY_SHINGLES,
      similarity,
      strongActors: (actors?.similarity ?? 0) >= STRONG_ACTORS,
      corroborated,
      days,
    };
    out.push({
      articleId: c.id,
      outlet: c.outlet,
      published: c.published,
      headline: c.headline,
      url: c.url,
      score: round(similarity * factor * (corroborated || evidence.copy ? 1 : NAMES_ONLY)),
      similarity: round(similarity),
      days,
      label: labelFor(evidence),
      reasons: [
        ...[actors, quoted, figures].filter((e) => e !== null),
        text.reason,
        { kind: 'date', days, factor: round(factor), summary: describeDays(days) },
      ],
    });
  }
  return out.sort((a, b) => b.score - a.score || b.similarity - a.similarity || a.articleId.localeCompare(b.articleId));
}

/**
 * Text overlap as containment, how much of the shorter text the longer holds: a wire copy cut
 * to its first half, or to a few paragraphs, is as much a copy as the whole. Summaries stored
 * before sketches were kept fall back to the MinHash Jaccard, which such copies score lower.
 */
function textOverlap(page: ArticleSummary, c: ArticleSummary): TextOverlap {
  if (page.textSketch && c.textSketch) {
    const { containment, shared } = containmentEstimate(page.textSketch, c.textSketch);
    const percent = Math.round(containment * 100);
    return {
      share: containment,
      shared,
      reason: {
        kind: 'text',
        similarity: round(containment),
        summary: `About ${percent}% of the shorter text's 5-word sequences are in the longer`,
      },
    };
  }
  const jaccard = jaccardEstimate(page.minhash, c.minhash);
  return {
    share: jaccard,
    // Jaccard does not say how many are shared: read it as before sketches were kept.
    shared: COPY_SHINGLES,
    reason: {
      kind: 'text',
      similarity: round(jaccard),
      summary: `About ${Math.round(jaccard * 100)}% of their 5-word sequences are shared`,
    },
  };
}

/**
 * A figure that can corroborate one event: a number of people, money or votes. Vague
 * quantities ("dozens"), bounds alone ("up to 60%") and percentages recur across unrelated
 * stories.
 */
function isDefiniteCount(f: SummaryFigure): boolean {
  return f.value !== null && f.counts !== 'percent' && f.qualifier !== 'up to' && f.qualifier !== 'under';
}

/**
 * Inverse document frequency, ln(1 + N / df): the US in half the corpus weighs ln 3, an actor in
 * one article of 10,000 ln 10,001.
 */
function rarityOf(stats: CorpusStats): (id: string) => number {
  const cache = new Map<string, number>();
  const total = countOrZero(stats.totalArticles);
  return (id) => {
    let r = cache.get(id);
    if (r === undefined) {
      // The page's own actors may not be stored yet: count it as one article naming them.
      const df = Math.max(1, countOrZero(stats.articlesMentioning(id)));
      r = Math.log(1 + Math.max(total, df) / df);
      cache.set(id, r);
    }
    return r;
  };
}

/** A count as rarity reads it: not a finite number counts as none, and the largest counts are capped. */
const countOrZero = (n: number) => (Number.isFinite(n) && n > 0 ? Math.min(n, Number.MAX_SAFE_INTEGER) : 0);

function dateFactor(days: number | null): number {
  if (days === null) return UNDATED;
  const apart = Math.abs(days);
  return apart <= SAME_EVENT_DAYS ? 1 : FLOOR + (1 - FLOOR) * Math.exp(-(apart - SAME_EVENT_DAYS) / DECAY_DAYS);
}

interface Evidence {
  /** The shorter text mostly found in the longer. */
  copy: boolean;
  similarity: number;
  /** The actors shared are the weightiest of both. */
  strongActors: boolean;
  /** A shared passage, a shared quote or an agreeing definite count. */
  corroborated: boolean;
  days: number | null;
}

/**
 * 'syndicated' when the shorter text is mostly found in the longer; 'unrelated' under the
 * RELATED similarity; 'related earlier/later event' when both dates are known and more than
 * two days apart; otherwise 'same event' only on strong evidence (the weightiest actors
 * shared, and a passage, quote or figure that corroborates them), and 'related event' short
 * of it. An undated article is judged on that evidence alone: a missing date proves nothing.
 */
function labelFor(e: Evidence): StoryLabel {
  if (e.copy) return 'syndicated';
  if (e.similarity < RELATED) return 'unrelated';
  if (e.days !== null && Math.abs(e.days) > SAME_EVENT_DAYS)
    return e.days < 0 ? 'related earlier event' : 'related later event';
  return e.strongActors && e.corroborated ? 'same event' : 'related event';
}

function describeDays(days: number | null): string {
  if (days === null) return 'Publication date unknown';
  if (days === 0) return 'Published the same day';
  const n = Math.abs(days);
  return `Published ${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'}`;
}
