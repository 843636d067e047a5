import Dexie from 'dexie';
import type { BundledCorpus, CorpusArticle } from '../core/corpus/types';
import { quoteShingles, summarize } from '../core/match';
import type { Result } from '../messages';
import { addToCount, fixCounts } from './corpus-counts';
import { ALL_TABLES, type ArticleRow, type CorpusDb } from './db';
import { indexRows } from './index-rows';
import { isQuotaError } from './storage-errors';

// The count the queries read (queries.ts) lives with the others in corpus-counts.ts.
export { articleCount } from './corpus-counts';

const CORPUS_VERSION = 'corpusVersion';

/** Write one article and its index rows. Call inside a transaction over ALL_TABLES. */
async function insertArticle(db: CorpusDb, article: CorpusArticle, row: Partial<ArticleRow> = {}): Promise<void> {
  // Counted before the article is in: a missing count falls back to counting the table.
  await addToCount(db, 1, article.origin);
  await writeArticle(db, article, row);
}

/** An article's rows, uncounted: insertArticle counts one, insertEntries a batch at once. */
async function writeArticle(db: CorpusDb, article: CorpusArticle, row: Partial<ArticleRow>): Promise<void> {
  const rows = indexRows(article, quoteShingles);
  await db.articles.add({ ...article, addedAt: Date.now(), ...row });
  await db.summaries.put(summarize(article));
  await db.heads.put({
    id: article.id,
    outlet: article.outlet,
    published: article.published,
    headline: article.headline,
    url: article.url,
    lead: leadOf(article),
    origin: article.origin,
    ...(article.depth === 'headline' && { depth: 'headline' as const }),
  });
  await db.mentions.bulkAdd(rows.mentions);
  await db.figures.bulkAdd(rows.figures);
  await db.quotes.bulkAdd(rows.quotes);
  const stats = await db.actorStats.bulkGet(rows.actorIds);
  await db.actorStats.bulkPut(
    rows.actorIds.map((actorId, i) => ({ actorId, articles: (stats[i]?.articles ?? 0) + 1 })),
  );
}

/** Remove one article and everything derived from it (not the user's notes on it). */
async function removeArticle(db: CorpusDb, id: string): Promise<void> {
  await addToCount(db, -1, (await db.articles.get(id))?.origin ?? 'user');
  const actorIds = [...new Set((await db.mentions.where('articleId').equals(id).toArray()).map((m) => m.actorId))];
  await Promise.all([db.mentions, db.figures, db.quotes].map((t) => t.where('articleId').equals(id).delete()));
  await db.summaries.delete(id);
  await db.heads.delete(id);
  await db.articles.delete(id);
  const stats = await db.actorStats.bulkGet(actorIds);
  await db.actorStats.bulkPut(
    actorIds.map((actorId, i) => ({ actorId, articles: Math.max(0, (stats[i]?.articles ?? 1) - 1) })),
  );
}

type Identity = Pick<CorpusArticle, 'id' | 'canonicalUrl' | 'contentHash' | 'guid' | 'outlet'>;

/**
 * The stored article this one duplicates, if any: the same id or canonical URL, the same feed
 * GUID from the same outlet (GUIDs are unique per feed, not across outlets), or the same text.
 */
async function duplicateOf(db: CorpusDb, article: Identity): Promise<ArticleRow | undefined> {
  const byId = await db.articles.get(article.id);
  if (byId) return byId;
  const byUrl = article.canonicalUrl
    ? await db.articles.where('canonicalUrl').equals(article.canonicalUrl).first()
    : undefined;
  if (byUrl) return byUrl;
  const { guid, outlet } = article;
  const byGuid = guid
    ? await db.articles
        .where('guid')
        .equals(guid)
        .filter((a) => a.outlet === outlet)
        .first()
    : undefined;
  return byGuid ?? (await db.articles.where('contentHash').equals(article.contentHash).first());
}

/** A whole article takes the place of a stored headline entry of the same story (a feed item). */
const upgrades = (existing: ArticleRow, article: CorpusArticle) =>
  existing.depth === 'headline' && article.depth !== 'headline';

/**
 * Put the bundled corpus in the database. Idempotent: the same version changes nothing. A new
 * version replaces the bundled articles only; articles the user added and their notes stay.
 */
export async function seedBundled(
  db: CorpusDb,
  corpus: BundledCorpus,
): Promise<{ changed: boolean; articles: number }> {
  return db.transaction('rw', ALL_TABLES, async () => {
    const current = await db.settings.get(CORPUS_VERSION);
    if (current?.value === corpus.version)
      return { changed: false, articles: await db.articles.where('origin').equals('bundled').count() };
    for (const id of await db.articles.where('origin').equals('bundled').primaryKeys()) await removeArticle(db, id);
    let articles = 0;
    for (const article of corpus.articles) {
      if (await duplicateOf(db, article)) continue; // the user added it first: theirs stays
      await insertArticle(db, { ...article, origin: 'bundled' });
      articles++;
    }
    await db.settings.put({ key: CORPUS_VERSION, value: corpus.version });
    return { changed: true, articles };
  });
}

/**
 * Add one article the user read or chose; refused when the corpus already holds it, unless
 * what it holds is a feed's headline entry of it, which the whole article replaces.
 */
export async function addArticle(db: CorpusDb, article: CorpusArticle): Promise<Result<{ id: string }>> {
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async (): Promise<Result<{ id: string }>> => {
      const mine = { ...article, origin: 'user' as const };
      const existing = await duplicateOf(db, mine);
      if (existing && !upgrades(existing, mine))
        return { ok: false, error: `already in the corpus: ${describe(existing)}` };
      if (existing) await removeArticle(db, existing.id);
      await insertArticle(db, mine);
      return { ok: true, value: { id: article.id } };
    }),
  );
}

export interface ImportReport {
  added: string[];
  /** Articles already in the corpus (or twice in the file), with the reason. */
  skipped: { index: number; reason: string }[];
}

/** Add many articles in one transaction: all are written or, on any failure, none. */
export async function importArticles(db: CorpusDb, articles: CorpusArticle[]): Promise<Result<ImportReport>> {
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async (): Promise<Result<ImportReport>> => {
      const report: ImportReport = { added: [], skipped: [] };
      for (const [index, article] of articles.entries()) {
        const mine = { ...article, origin: 'user' as const };
        const existing = await duplicateOf(db, mine);
        if (existing && !upgrades(existing, mine)) {
          report.skipped.push({ index, reason: `already in the corpus: ${describe(existing)}` });
          continue;
        }
        if (existing) await removeArticle(db, existing.id);
        await insertArticle(db, mine);
        report.added.push(article.id);
      }
      return { ok: true, value: report };
    }),
  );
}

/**
 * Add a batch of entries from a feed or a shared corpus, skipping those the corpus holds
 * (or that repeat in the batch), added at `now` (the poll's clock, which retention reads),
 * in one transaction with `alongside` (the feed's new state):
 * a worker stopped half-way leaves neither, so the next poll fetches the feed again and adds
 * each entry once. The counts are updated once per batch, not once per entry.
 */
export async function insertEntries(
  db: CorpusDb,
  entries: CorpusArticle[],
  origin: 'feed' | 'shared',
  options: { alongside?: (added: string[]) => Promise<unknown>; now?: number } = {},
): Promise<Result<{ added: string[]; skipped: number }>> {
  const { alongside, now = Date.now() } = options;
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async () => {
      // Fixed first, so no count falls back to counting a table that holds uncounted rows.
      await fixCounts(db, origin);
      const added: string[] = [];
      for (const entry of entries) {
        const article = { ...entry, origin };
        const existing = await duplicateOf(db, article);
        if (existing && !upgrades(existing, article)) continue;
        if (existing) await removeArticle(db, existing.id); // counts its own removal
        await writeArticle(db, article, { addedAt: now });
        added.push(article.id);
      }
      await addToCount(db, added.length, origin);
      await alongside?.(added);
      return { ok: true as const, value: { added, skipped: entries.length - added.length } };
    }),
  );
}

/**
 * Replace a stored entry by its whole article (fetched in full on the reader's request),
 * under the same id and origin, kept from then on: retention does not prune what the reader
 * asked for.
 */
export async function upgradeEntry(db: CorpusDb, article: CorpusArticle): Promise<Result<{ id: string }>> {
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async (): Promise<Result<{ id: string }>> => {
      const existing = await db.articles.get(article.id);
      if (!existing) return { ok: false, error: `no article ${article.id} in the corpus` };
      await removeArticle(db, existing.id);
      await insertArticle(db, { ...article, origin: existing.origin }, { kept: true, addedAt: existing.addedAt });
      return { ok: true, value: { id: article.id } };
    }),
  );
}

const DAY_MS = 86_400_000;
const PRUNE_BATCH = 200;

/**
 * Delete the feed entries that arrived more than `retentionDays` before `now`, except those
 * a note is on or the reader kept. In batches of a few hundred, one transaction each, so the
 * popup and highlighting keep their turn at the database. Answers how many went.
 */
export async function pruneFeedEntries(db: CorpusDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  const old = (await db.articles
    .where('[origin+addedAt]')
    .between(['feed', Dexie.minKey], ['feed', cutoff], true, false)
    .primaryKeys()) as string[];
  let removed = 0;
  for (let at = 0; at < old.length; at += PRUNE_BATCH) {
    const ids = old.slice(at, at + PRUNE_BATCH);
    removed += await db.transaction('rw', ALL_TABLES, async () => {
      const noted = new Set((await db.notes.where('articleId').anyOf(ids).toArray()).map((n) => n.articleId));
      const rows = await db.articles.bulkGet(ids);
      // Read again inside the transaction: the reader may have kept one since the ids were listed.
      const gone = rows.filter((a): a is ArticleRow => !!a && a.origin === 'feed' && !a.kept && !noted.has(a.id));
      for (const a of gone) await removeArticle(db, a.id);
      return gone.length;
    });
  }
  return removed;
}

/** Delete an article the user added (bundled ones come back with the next seeding). */
export async function deleteArticle(db: CorpusDb, id: string): Promise<Result<{ id: string }>> {
  return db.transaction('rw', ALL_TABLES, async (): Promise<Result<{ id: string }>> => {
    if (!(await db.articles.get(id))) return { ok: false, error: `no article ${id} in the corpus` };
    await removeArticle(db, id);
    return { ok: true, value: { id } };
  });
}

const describe = (a: CorpusArticle) => (a.headline ? `"${a.headline}"` : (a.canonicalUrl ?? a.url ?? a.id));

/**
 * A failed write aborts its transaction, so nothing of it is stored; say so in words a user
 * can act on (a full disk), or with the browser's reason.
 */
async function guardStorage<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      return {
        ok: false,
        error:
          'Storage is full: nothing was added. Remove articles you no longer need, or free disk space, and try again.',
      };
    }
    // Dexie appends its inner error on further lines; the first says it.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    return { ok: false, error: `Nothing was added: the browser could not write to Crosswire's database (${reason}).` };
  }
}

const LEAD_LENGTH = 320;

/** An article's first paragraph, clipped at a word near LEAD_LENGTH characters. */
export function leadOf(article: Pick<CorpusArticle, 'text' | 'blocks'>): string | null {
  const block = article.blocks.find((b) => b.kind === 'paragraph');
  if (!block) return null;
  const text = article.text.slice(block.start, block.end).trim();
  if (text.length <= LEAD_LENGTH) return text;
  const cut = text.lastIndexOf(' ', LEAD_LENGTH);
  return `${text.slice(0, cut > LEAD_LENGTH / 2 ? cut : LEAD_LENGTH)}…`;
}
