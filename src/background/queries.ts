import Dexie, { type IndexableType, type Table } from 'dexie';
import { outletProfile } from '../core/corpus/outlets';
import {
  coverageGaps,
  figuresLike,
  summaryFigure,
  quoteShingles,
  quotesLike,
  storyMatch,
  type ArticleSummary,
  type CoverageGaps,
  type FiguresLike,
  type QuoteMatch,
  type StoryMatch,
} from '../core/match';
import { articleCount } from './corpus-store';
import type { MentionsByOutlet, OutletRef, StoryVersion } from '../messages';
import { citedText, type CorpusDb, type IndexRow, type MentionEntry } from './db';

/** How many articles a card lists at most. */
const ARTICLES_PER_ANSWER = 30;
/**
 * How many stored articles story matching scores at most, picked by shared rare actors: each
 * summary read costs the database 0.1-0.3 ms at 100,000 articles in Chromium.
 */
const MATCH_CANDIDATES = 60;
/**
 * How far from the page's date story matching looks, and how many articles naming one actor it
 * reads, the nearest in time: versions of a story run within days, and each key read costs.
 */
const MATCH_YEARS = 3;
const VERSION_WINDOW_DAYS = 14;
const RARE_ACTORS = 6;
const ARTICLES_PER_ACTOR = 100;
/** How far from a figure's date the figures compared with it are looked for. */
const FIGURE_YEARS = 50;
/** How many matches a story-match answer lists. */
const MATCHES_RETURNED = 30;
const UNRELATED_RETURNED = 5;
/** How many articles' quotes a near-duplicate lookup ranks at most. */
const QUOTE_CANDIDATES = 200;

export const outletRef = (id: string): OutletRef => {
  const profile = outletProfile(id) ?? null;
  return { id, name: profile?.name ?? id, profile };
};

/** Each stored article's sentences naming the actor, grouped by outlet, newest first. */
export async function mentionsOf(
  db: CorpusDb,
  actorId: string,
  excludeArticleId?: string,
): Promise<MentionsByOutlet[]> {
  const byArticle = new Map<string, { row: IndexRow; mentions: MentionEntry[] }>();
  const heads = await db.transaction('r', db.articleIndex, db.heads, async () => {
    // Newest first; the sentences of each article naming the actor are what a card shows.
    const rows = await db.articleIndex
      .where('actorKeys')
      .between([actorId, Dexie.minKey, Dexie.minKey], [actorId, Dexie.maxKey, Dexie.maxKey])
      .reverse()
      .limit(ARTICLES_PER_ANSWER + 1)
      .toArray();
    for (const r of rows.filter((r) => r.articleId !== excludeArticleId).slice(0, ARTICLES_PER_ANSWER))
      byArticle.set(r.articleId, { row: r, mentions: r.mentions.filter((m) => m.actorId === actorId) });
    return db.heads.bulkGet([...byArticle.keys()]);
  });
  const groups = new Map<string, MentionsByOutlet>();
  for (const a of heads) {
    if (!a) continue;
    const group = groups.get(a.outlet) ?? { outlet: outletRef(a.outlet), articles: [] };
    const { row, mentions } = byArticle.get(a.id)!;
    const rows = mentions.sort((x, y) => x.sentence - y.sentence);
    const forms = [...new Set(rows.flatMap((m) => m.forms ?? []))];
    group.articles.push({
      articleId: a.id,
      headline: a.headline,
      url: a.url,
      published: a.published,
      sentences: rows.map((m) => citedText(row, m)),
      forms,
    });
    groups.set(a.outlet, group);
  }
  // Articles arrive newest first; outlets are ordered by their newest article.
  return [...groups.values()];
}

/** Figures of the same kind about the same subject in other articles, with the discrepancy verdict. */
export async function figuresLikeIn(
  db: CorpusDb,
  figure: Parameters<typeof figuresLike>[0],
  excludeArticleId?: string,
): Promise<FiguresLike> {
  // Figures whose article names no subject may still be about this one: fetch those too.
  const subjects = [...new Set([figure.subject ?? '', ''])];
  // The articles nearest the figure's date under each subject (the newest when it is undated):
  // tolls of the same incident or series lie near it, and each article read costs a read.
  const rows = await db.transaction('r', db.articleIndex, async () => {
    const keyLists = await Promise.all(
      subjects.map((subject) =>
        nearestIds(db.articleIndex, 'figureKeys', {
          at: (date) => [figure.counts, subject, date],
          date: figure.published,
          withinDays: FIGURE_YEARS * 366,
          wanted: ARTICLES_PER_ANSWER + 1,
        }),
      ),
    );
    const ids = [...new Set(keyLists.flat())].filter((id) => id !== excludeArticleId);
    return (await db.articleIndex.bulkGet(ids)).filter((r): r is IndexRow => !!r);
  });
  const candidates = rows.flatMap((r) =>
    r.figures
      .filter((f) => f.counts === figure.counts && subjects.includes(f.subject))
      .map((f) => ({
        ...summaryFigure(f.figure),
        articleId: r.articleId,
        outlet: r.outlet,
        published: r.published || null,
        sentence: citedText(r, f),
      })),
  );
  return figuresLike(figure, candidates);
}

/** The same quote, exactly or nearly, in other articles. */
export async function quotesLikeIn(db: CorpusDb, text: string, excludeArticleId?: string): Promise<QuoteMatch[]> {
  const shingles = [...new Set(quoteShingles(text))];
  if (shingles.length === 0) return [];
  // Common phrases can match thousands of quotes; the first few hundred hits are plenty to rank.
  const rows = await db.articleIndex.where('shingles').anyOf(shingles).distinct().limit(QUOTE_CANDIDATES).toArray();
  const wanted = new Set(shingles);
  const candidates = rows
    .filter((r) => r.articleId !== excludeArticleId)
    .flatMap((r) => r.quotes.map((q) => ({ r, q, shared: q.shingles.filter((s) => wanted.has(s)).length })))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, ARTICLES_PER_ANSWER * 3)
    .map(({ r, q }) => ({
      articleId: r.articleId,
      outlet: r.outlet,
      published: r.published || null,
      quote: { text: q.quote.text, speakerId: q.quote.speakerId, speaker: q.quote.speaker },
    }));
  return quotesLike(text, candidates);
}

/**
 * Stored articles ranked as versions of the page's story. Candidates are the articles that
 * name the page's rarest actors (a state everyone names would pull in the whole corpus).
 */
export async function storyMatchIn(db: CorpusDb, page: ArticleSummary): Promise<StoryVersion[]> {
  const { candidates, stats } = await matchContext(db, page);
  // Every version of the story, and a few of the best unrelated ones for context.
  const ranked = storyMatch(page, candidates, stats);
  const related = ranked.filter((m) => m.label !== 'unrelated');
  const shown: StoryMatch[] = [
    ...related.slice(0, MATCHES_RETURNED),
    ...ranked.filter((m) => m.label === 'unrelated').slice(0, UNRELATED_RETURNED),
  ];
  const heads = await db.heads.bulkGet(shown.map((m) => m.articleId));
  return shown.map((m, i) => ({ ...m, lead: heads[i]?.lead ?? null, depth: heads[i]?.depth ?? 'full' }));
}

/**
 * The versions of the story that coverage gaps compare: the same event, or a copy of it, run
 * within days of the page (a reprint may lag a little). An undated page's are all of them.
 */
const isVersion = (page: ArticleSummary) => (m: StoryMatch) =>
  (m.label === 'same event' || m.label === 'syndicated') &&
  (!page.published || (m.days !== null && Math.abs(m.days) <= VERSION_WINDOW_DAYS));

/** What other versions of the story carry that the page leaves out, and the reverse. */
export async function coverageGapsIn(db: CorpusDb, page: ArticleSummary): Promise<CoverageGaps> {
  const { candidates, stats } = await matchContext(db, page, VERSION_WINDOW_DAYS);
  const versions = new Set(
    storyMatch(page, candidates, stats)
      .filter(isVersion(page))
      .map((m) => m.articleId),
  );
  return coverageGaps(
    page,
    candidates.filter((c) => versions.has(c.id)),
  );
}

/** Coverage gaps from the page's story, already matched: only its versions' summaries are read. */
export async function coverageGapsOfStory(
  db: CorpusDb,
  page: ArticleSummary,
  story: readonly StoryMatch[],
): Promise<CoverageGaps> {
  const ids = story.filter(isVersion(page)).map((m) => m.articleId);
  const versions = (await db.summaries.bulkGet(ids)).filter((s): s is ArticleSummary => !!s);
  return coverageGaps(page, versions);
}

async function matchContext(db: CorpusDb, page: ArticleSummary, windowDays = MATCH_YEARS * 366) {
  // One read-only transaction: its requests run back to back instead of each waiting for a new one.
  return db.transaction('r', [db.settings, db.actorStats, db.heads, db.articleIndex, db.summaries], async () => {
    const actorIds = Object.keys(page.actors);
    const [totalArticles, stats, stored] = await Promise.all([
      articleCount(db),
      db.actorStats.bulkGet(actorIds),
      db.heads.get(page.id),
    ]);
    const counts = new Map(stats.map((s, i) => [actorIds[i]!, s?.articles ?? 0]));
    // An actor only the page itself names finds nothing: skip it (the page may be stored).
    const self = stored ? 1 : 0;
    const rarest = actorIds
      .filter((id) => (counts.get(id) ?? 0) > self)
      .sort((a, b) => counts.get(a)! - counts.get(b)!)
      .slice(0, RARE_ACTORS);
    // Versions of a story lie within a few years of it: each actor's articles nearest the
    // page's date, ids only, read from the index.
    const keyLists = await Promise.all(
      rarest.map((actorId) =>
        nearestIds(db.articleIndex, 'actorKeys', {
          at: (date, edge) => [actorId, date, edge === 'low' ? Dexie.minKey : Dexie.maxKey],
          date: page.published,
          withinDays: windowDays,
          wanted: ARTICLES_PER_ACTOR,
          total: counts.get(actorId)!,
        }),
      ),
    );
    const weight = new Map<string, number>();
    keyLists.forEach((keys, k) => {
      const idf = Math.log(1 + totalArticles / counts.get(rarest[k]!)!);
      // An article is under an actor's keys once (one index key per actor it names).
      for (const id of keys) if (id !== page.id) weight.set(id, (weight.get(id) ?? 0) + idf);
    });
    const top = [...weight]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MATCH_CANDIDATES)
      .map(([id]) => id);
    const candidates = (await db.summaries.bulkGet(top)).filter((s): s is ArticleSummary => !!s);
    return { candidates, stats: { totalArticles, articlesMentioning: (id: string) => counts.get(id) ?? 0 } };
  });
}

/**
 * The primary keys (article ids) under an index whose keys hold a date, nearest that date
 * first, within `withinDays` of it: half of `wanted` on or after the date and half before it
 * (more from one side when the other has fewer), read as requests for keys only that stop
 * there (a browser that can read keys backwards does it in one request, others walk a
 * cursor), then taken in turn from either side. Reading the whole window instead costs a read
 * per key, and a common actor's year holds thousands at 100,000 articles. Undated: the newest
 * `wanted`.
 */
async function nearestIds(
  table: Table<IndexRow, string>,
  index: string,
  query: {
    /** The index key at `date`, lowest or highest of that date. */
    at: (date: string, edge: 'low' | 'high') => IndexableType;
    date: string | null;
    withinDays: number;
    wanted: number;
    /** How many keys the index holds for this query at most (all dates), when known. */
    total?: number;
  },
): Promise<string[]> {
  const { at, date, withinDays, wanted, total = Infinity } = query;
  const range = (lower: IndexableType, upper: IndexableType, includeUpper = true) =>
    table.where(index).between(lower, upper, true, includeUpper);
  const around = date ? daysAround(date, withinDays) : null;
  if (!date || !around)
    return (await range(at('', 'low'), at('\uffff', 'high')).reverse().limit(wanted).primaryKeys()) as string[];
  const [from, to] = around;
  // No more than wanted in all: every one in the window is among the nearest, read in one request.
  if (total <= wanted) return (await range(at(from, 'low'), at(to, 'high')).primaryKeys()) as string[];
  const later = (n: number) => range(at(date, 'low'), at(to, 'high')).limit(n).primaryKeys() as Promise<string[]>;
  const earlier = (n: number) =>
    range(at(from, 'low'), at(date, 'low'), false).reverse().limit(n).primaryKeys() as Promise<string[]>;
  // Half from each side; a side with fewer leaves the rest to the other, read again for more.
  const half = Math.ceil(wanted / 2);
  let [after, before] = await Promise.all([later(half), earlier(half)]);
  if (after.length < half && before.length === half) before = await earlier(wanted - after.length);
  else if (before.length < half && after.length === half) after = await later(wanted - before.length);
  const nearest: string[] = [];
  for (let i = 0; nearest.length < wanted && (i < after.length || i < before.length); i++) {
    if (i < after.length) nearest.push(after[i]!);
    if (i < before.length && nearest.length < wanted) nearest.push(before[i]!);
  }
  return nearest;
}

/** The dates `days` before and after a YYYY-MM-DD date, as index bounds; null for no such date (2012-13-40). */
function daysAround(date: string, days: number): [string, string] | null {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [at(t - days * 86_400_000), at(t + days * 86_400_000)];
}
