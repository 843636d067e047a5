import { daysBetween } from './dates';
import { jaccardEstimate } from './minhash';
import { actorEvidence, actorVector } from './actor-evidence';
import { figureEvidence, pageFigures } from './figure-evidence';
import { pageQuotes, quoteEvidence } from './quote-evidence';
import type { ArticleSummary, MatchReason, StoryLabel, StoryMatch } from './types';
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
/** MinHash Jaccard of 5-gram shingles above which two texts are one wire story run twice. */
export const SYNDICATED = 0.5;
/** Similarity below which two articles are unrelated (two stories merely naming the US and China stay far under it). */
export const RELATED = 0.2;
/** Articles this many days apart or fewer report the same event. */
export const SAME_EVENT_DAYS = 2;
/** Ranking discounts older and newer stories down to this factor; undated ones get UNDATED. */
const FLOOR = 0.5;
const DECAY_DAYS = 30;
const UNDATED = 0.8;

/**
 * Candidates ranked as versions of the page's story. The evidence (actor-, quote- and
 * figure-evidence.ts) combines as
 *   similarity = 1 - (1 - actors) x (1 - 0.5 quotes) x (1 - 0.3 figures),
 * raised to twice the text overlap when that is higher (an edited wire copy is the same
 * story whatever else the engine sees); score = similarity x a date factor (1 within two
 * days, falling towards 0.5 over months), for ranking. The label reads similarity and dates:
 * text overlap of 0.5 or more is 'syndicated'; similarity under 0.2 'unrelated'; otherwise
 * 'same event' within two days (or when a date is unknown: we cannot place it in time) and
 * 'related earlier/later event' by the sign of the date difference. The page (same id) is
 * left out.
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
    const text = jaccardEstimate(page.minhash, c.minhash);
    const similarity = Math.max(content, Math.min(1, 2 * text));
    const days = daysBetween(page.published, c.published);
    const factor = dateFactor(days);
    const reasons: MatchReason[] = [
      ...[actors, quoted, figures].filter((e) => e !== null),
      {
        kind: 'text',
        similarity: round(text),
        summary: `About ${Math.round(text * 100)}% of their 5-word sequences are shared`,
      },
      { kind: 'date', days, factor: round(factor), summary: describeDays(days) },
    ];
    out.push({
      articleId: c.id,
      outlet: c.outlet,
      published: c.published,
      headline: c.headline,
      url: c.url,
      score: round(similarity * factor),
      similarity: round(similarity),
      days,
      label: labelFor(similarity, text, days),
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.similarity - a.similarity || a.articleId.localeCompare(b.articleId));
}

/**
 * Inverse document frequency, ln(1 + N / df): the US in half the corpus weighs ln 3, an actor in
 * one article of 10,000 ln 10,001.
 */
function rarityOf(stats: CorpusStats): (id: string) => number {
  const cache = new Map<string, number>();
  return (id) => {
    let r = cache.get(id);
    if (r === undefined) {
      // The page's own actors may not be stored yet: count it as one article naming them.
      const df = Math.max(1, stats.articlesMentioning(id));
      r = Math.log(1 + Math.max(stats.totalArticles, df) / df);
      cache.set(id, r);
    }
    return r;
  };
}

function dateFactor(days: number | null): number {
  if (days === null) return UNDATED;
  const apart = Math.abs(days);
  return apart <= SAME_EVENT_DAYS ? 1 : FLOOR + (1 - FLOOR) * Math.exp(-(apart - SAME_EVENT_DAYS) / DECAY_DAYS);
}

function labelFor(similarity: number, text: number, days: number | null): StoryLabel {
  if (text >= SYNDICATED) return 'syndicated';
  if (similarity < RELATED) return 'unrelated';
  if (days === null || Math.abs(days) <= SAME_EVENT_DAYS) return 'same event';
  return days < 0 ? 'related earlier event' : 'related later event';
}

function describeDays(days: number | null): string {
  if (days === null) return 'Publication date unknown';
  if (days === 0) return 'Published the same day';
  const n = Math.abs(days);
  return `Published ${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'}`;
}
