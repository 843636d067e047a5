import Dexie from 'dexie';
import type { BundledCorpus, CorpusArticle } from '../core/corpus/types';
import { quoteShingles, summarize } from '../core/match';
import type { Result } from '../messages';
import { addToCount, putCounts, readCounts } from './corpus-counts';
import { ALL_TABLES, type ArticleRow, type CorpusDb, type HeadRow } from './db';
import { readerFirst } from './foreground';
import { indexRows } from './index-rows';
import { isQuotaError } from './storage-errors';

// The count the queries read (queries.ts) lives with the others in corpus-counts.ts.
export { articleCount } from './corpus-counts';

const CORPUS_VERSION = 'corpusVersion';
/** The settings row naming the extension version whose bundled corpus was last checked. */
const SEEDED_FOR = 'seededFor';

/** Write one article and its index rows. Call inside a transaction over ALL_TABLES. */
async function insertArticle(db: CorpusDb, article: CorpusArticle, row: Partial<ArticleRow> = {}): Promise<void> {
  // Counted before the article is in: a missing count falls back to counting the table.
  await addToCount(db, 1, article.origin);
  await writeArticles(db, [article], row);
}

/**
 * Articles and their index rows, uncounted, one bulk write per table, all issued before any
 * is awaited: a table written once for a whole batch costs a fraction of a write per article.
 * Call inside a transaction over ALL_TABLES.
 */
async function writeArticles(db: CorpusDb, articles: CorpusArticle[], row: Partial<ArticleRow>): Promise<void> {
  if (!articles.length) return;
  const rows = articles.map((a) => indexRows(a, quoteShingles));
  const addedAt = Date.now();
  // Each article counts once per actor it names; the batch's counts are merged in one read and one write.
  const more = new Map<string, number>();
  for (const id of rows.flatMap((r) => r.actorIds)) more.set(id, (more.get(id) ?? 0) + 1);
  const actorIds = [...more.keys()];
  const writes = [
    db.articles.bulkAdd(articles.map((a) => ({ ...a, addedAt, ...row }))),
    db.summaries.bulkPut(articles.map(summarize)),
    db.heads.bulkPut(articles.map(headOf)),
    db.articleIndex.bulkAdd(rows.map((r) => r.row)),
    db.actorStats
      .bulkGet(actorIds)
      .then((stats) =>
        db.actorStats.bulkPut(
          actorIds.map((actorId, i) => ({ actorId, articles: (stats[i]?.articles ?? 0) + more.get(actorId)! })),
        ),
      ),
  ];
  await Promise.all(writes);
}

/** The few fields of an article that cards and lists show. */
const headOf = (a: CorpusArticle): HeadRow => ({
  id: a.id,
  outlet: a.outlet,
  published: a.published,
  headline: a.headline,
  url: a.url,
  lead: leadOf(a),
  origin: a.origin,
  ...(a.depth === 'headline' && { depth: 'headline' as const }),
});

/** Remove one article and everything derived from it (not the user's notes on it). */
async function removeArticle(db: CorpusDb, id: string): Promise<void> {
  await addToCount(db, -1, (await db.articles.get(id))?.origin ?? 'user');
  const actorIds = [...new Set((await db.articleIndex.get(id))?.mentions.map((m) => m.actorId))];
  await db.articleIndex.delete(id);
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

/**
 * Which of a batch's articles may have a stored duplicate: its ids, canonical URLs, GUIDs and
 * content hashes looked up at once, in the running transaction. Only those it says may are
 * looked up with duplicateOf; an article it clears has none, since the batch's own articles
 * are written only at its end.
 */
async function mayBeStored(db: CorpusDb, articles: Identity[]): Promise<(article: Identity) => boolean> {
  const store = idbStore(db, 'articles');
  const [ids, urls, guids, hashes] = await Promise.all([
    present(
      store,
      articles.map((a) => a.id),
    ),
    present(
      store.index('canonicalUrl'),
      articles.map((a) => a.canonicalUrl),
    ),
    present(
      store.index('guid'),
      articles.map((a) => a.guid),
    ),
    present(
      store.index('contentHash'),
      articles.map((a) => a.contentHash),
    ),
  ]);
  return (a) =>
    ids.has(a.id) ||
    (!!a.canonicalUrl && urls.has(a.canonicalUrl)) ||
    (!!a.guid && guids.has(a.guid)) ||
    hashes.has(a.contentHash);
}

/**
 * Which of `values` the articles' index `index` holds (as `present` reads them), in a
 * read-only transaction of its own: a shared corpus's records are looked up by URL this way
 * before they are built.
 */
export function storedUnder(db: CorpusDb, index: 'canonicalUrl', values: string[]): Promise<Set<string>> {
  return db.transaction('r', db.articles, () => present(idbStore(db, 'articles').index(index), values));
}

/** The running transaction's object store `name`, for requests Dexie has no batched form of. */
function idbStore(db: CorpusDb, name: string): IDBObjectStore {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.db !== db) throw new Error(`no transaction of the corpus is running to read ${name} in`);
  return tx.idbtrans.objectStore(name);
}

/**
 * Which of `values` `source` (a store's primary keys, or an index) holds, asked as one request
 * per value, all sent at once. Dexie's anyOf walks a cursor from value to value instead, each
 * of its steps waiting for the one before (no prefetching for a cursor that jumps). Imports
 * ran a median of 608 articles a second against 571 with anyOf (docs/following.md).
 */
function present(source: IDBObjectStore | IDBIndex, values: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(values.filter((v): v is string => !!v))];
  return Promise.all(
    wanted.map(
      (value) =>
        new Promise<string | null>((resolve, reject) => {
          const request = source.getKey(value);
          request.onsuccess = () => resolve(request.result === undefined ? null : value);
          request.onerror = () => reject(request.error);
        }),
    ),
  ).then((found) => new Set(found.filter((v): v is string => v !== null)));
}

/** A whole article takes the place of a stored headline entry of the same story (a feed item). */
const upgrades = (existing: CorpusArticle, article: CorpusArticle) =>
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
 * Have the bundled corpus seeded for this version of the extension. A worker wakes many times
 * between updates, and each wake used to fetch and compare the bundled corpus: in a Chromium
 * service worker just started, that first fetch held the thread for about 180 ms, before the
 * page that woke it got its highlights. Now a wake reads one settings row, and the corpus is
 * loaded and compared only when the row names another version (the first start, an update, a
 * seed that a stopped worker left unfinished) or when `force` is set (an install or update
 * event: a developer's reload keeps the version).
 */
export async function ensureSeeded(
  db: CorpusDb,
  version: string,
  load: () => Promise<BundledCorpus>,
  force = false,
): Promise<void> {
  if (!force && (await db.settings.get(SEEDED_FOR))?.value === version) return;
  await seedBundled(db, await load());
  // Only once the seed is in: a worker stopped before this line checks again on its next start.
  await db.settings.put({ key: SEEDED_FOR, value: version });
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

/** The keys an article is a duplicate by, within a batch: as duplicateOf looks them up in the database. */
const identityKeys = (a: Identity) => [
  `id ${a.id}`,
  ...(a.canonicalUrl ? [`url ${a.canonicalUrl}`] : []),
  ...(a.guid ? [`guid ${a.outlet} ${a.guid}`] : []),
  `hash ${a.contentHash}`,
];

/**
 * Store one batch of articles of one origin, skipping those the corpus holds or that repeat
 * earlier in the batch (a stored headline entry is replaced by its whole article), with one
 * bulk write per table and the counts updated once. `first` is the batch's first article's index
 * in its file, for the report. Call inside a transaction over ALL_TABLES.
 */
async function storeBatch(
  db: CorpusDb,
  articles: CorpusArticle[],
  origin: Exclude<CorpusArticle['origin'], 'bundled'>,
  options: { now?: number; first?: number } = {},
): Promise<ImportReport> {
  const { now = Date.now(), first = 0 } = options;
  // Read before anything is written, so no count falls back to counting a table that holds
  // uncounted rows; written once, at the end, unless an upgrade removes an entry on the way.
  const counts = await readCounts(db, origin);
  let fixed = false;
  const report: ImportReport = { added: [], skipped: [] };
  const pending: CorpusArticle[] = [];
  const inBatch = new Map<string, CorpusArticle>();
  const stored = await mayBeStored(db, articles);
  for (const [i, entry] of articles.entries()) {
    const article = { ...entry, origin };
    const keys = identityKeys(article);
    // Within the batch an earlier article is not stored yet: a repeat is skipped, never an upgrade.
    const earlier = keys.map((k) => inBatch.get(k)).find((a) => a !== undefined);
    const existing: CorpusArticle | undefined =
      earlier ?? (stored(article) ? await duplicateOf(db, article) : undefined);
    if (existing && (earlier || !upgrades(existing, article))) {
      report.skipped.push({ index: first + i, reason: `already in the corpus: ${describe(existing)}` });
      continue;
    }
    if (existing) {
      // The removal counts itself, from the stored counts: those must be there first.
      if (!fixed) await putCounts(db, origin, counts);
      fixed = true;
      await removeArticle(db, existing.id);
    }
    for (const k of keys) inBatch.set(k, article);
    pending.push(article);
    report.added.push(article.id);
  }
  await writeArticles(db, pending, { addedAt: now });
  const added = pending.length;
  if (fixed) await addToCount(db, added, origin);
  else await putCounts(db, origin, { total: counts.total + added, ofOrigin: counts.ofOrigin + added });
  return report;
}

/**
 * Add a batch of the reader's articles (one batch of an import) in one transaction: all of
 * the batch is written or, on a failure, none of it, which the error says in terms of `lost`.
 */
export async function importBatch(
  db: CorpusDb,
  articles: CorpusArticle[],
  first: number,
  lost?: string,
): Promise<Result<ImportReport>> {
  return guardStorage(
    () =>
      db.transaction('rw', ALL_TABLES, async () => ({
        ok: true,
        value: await storeBatch(db, articles, 'user', { first }),
      })),
    lost,
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
  options: {
    alongside?: (added: string[]) => Promise<unknown>;
    /** Asked first, in the same transaction: false stores nothing (and skips every entry). */
    onlyIf?: () => Promise<boolean>;
    now?: number;
  } = {},
): Promise<Result<{ added: string[]; skipped: number }>> {
  const { alongside, onlyIf, now = Date.now() } = options;
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async () => {
      if (onlyIf && !(await onlyIf())) return { ok: true as const, value: { added: [], skipped: entries.length } };
      const { added } = await storeBatch(db, entries, origin, { now });
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
// Small, like a poll's chunks: a query waits behind one batch at most.
const PRUNE_BATCH = 25;

/**
 * Delete the feed entries that arrived more than `retentionDays` before `now`, except those
 * a note is on or the reader kept. In batches of a few dozen, one transaction each, so the
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
    await readerFirst();
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
async function guardStorage<T>(write: () => Promise<Result<T>>, lost = 'nothing was added'): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      return {
        ok: false,
        error: `Storage is full: ${lost}. Remove articles you no longer need, or free disk space, and try again.`,
      };
    }
    // Dexie appends its inner error on further lines; the first says it.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    const said = lost.charAt(0).toUpperCase() + lost.slice(1);
    return { ok: false, error: `${said}: the browser could not write to Crosswire's database (${reason}).` };
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
