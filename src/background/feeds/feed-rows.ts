/**
 * The followed feeds and shared corpora, as rows of the `feeds` table: the default list
 * stored once, feeds the reader adds or removes, and their status for the options page.
 */
import { outletOf } from '../../core/corpus/canonical-url';
import type { FeedSource } from '../../core/feeds';
import type { FeedStatus, Result } from '../../messages';
import type { CorpusDb, FeedRow } from '../db';

const SEEDED = 'defaultFeedsStored';

/** A new row: never fetched, nothing added yet. */
export function newRow(
  url: string,
  kind: FeedRow['kind'],
  source: { outlet: string | null; title: string | null; addedBy: FeedRow['addedBy'] },
): FeedRow {
  return {
    url,
    kind,
    ...source,
    etag: null,
    lastModified: null,
    bodyHash: null,
    lastSuccess: null,
    lastError: null,
    lastErrorAt: null,
    failures: 0,
    retryAt: null,
    items: 0,
  };
}

/**
 * Store the default feeds, once: a default feed the reader removed stays removed. Storing
 * them fetches nothing; only turning following on does.
 */
export async function storeDefaultFeeds(db: CorpusDb, defaults: readonly FeedSource[]): Promise<void> {
  await db.transaction('rw', [db.feeds, db.settings], async () => {
    if ((await db.settings.get(SEEDED))?.value === true) return;
    const have = new Set(await db.feeds.toCollection().primaryKeys());
    const rows = defaults
      .filter((f) => !have.has(f.url))
      .map((f) => newRow(f.url, 'feed', { outlet: f.outlet, title: f.title, addedBy: 'default' }));
    await db.feeds.bulkPut(rows);
    await db.settings.put({ key: SEEDED, value: true });
  });
}

/** Follow a feed or subscribe to a corpus; refused when it is followed already. */
export async function addRow(db: CorpusDb, row: FeedRow): Promise<Result<FeedRow>> {
  return db.transaction('rw', db.feeds, async (): Promise<Result<FeedRow>> => {
    const existing = await db.feeds.get(row.url);
    if (existing) return { ok: false, error: `${row.url} is followed already (${describeKind(existing.kind)})` };
    await db.feeds.add(row);
    return { ok: true, value: row };
  });
}

/** A feed the reader adds, credited to the outlet given, else to its host's. */
export const readerFeed = (url: string, outlet?: string, title: string | null = null) =>
  newRow(url, 'feed', { outlet: outlet?.trim().toLowerCase() || outletOf(url), title, addedBy: 'reader' });

/** Stop following; what it added stays in the corpus. */
export async function removeRow(db: CorpusDb, url: string, kind: FeedRow['kind']): Promise<Result<true>> {
  return db.transaction('rw', db.feeds, async (): Promise<Result<true>> => {
    const existing = await db.feeds.get(url);
    if (existing?.kind !== kind) return { ok: false, error: `${url} is not ${describeKind(kind)} Crosswire follows` };
    await db.feeds.delete(url);
    return { ok: true, value: true };
  });
}

/** Write a row's new state, unless it was removed meanwhile (a poll must not bring it back). */
export async function saveRow(db: CorpusDb, row: FeedRow): Promise<void> {
  await db.transaction('rw', db.feeds, async () => {
    if (await db.feeds.get(row.url)) await db.feeds.put(row);
  });
}

/** What the options page shows of a row: all but the validators and the body hash. */
export function statusOf(row: FeedRow): FeedStatus {
  const { etag: _etag, lastModified: _lastModified, bodyHash: _bodyHash, seenItems: _seenItems, ...status } = row;
  return status;
}

/** A row as a feed source (OPML export, permission origins). */
export const sourceOf = (row: FeedRow): FeedSource => ({
  url: row.url,
  outlet: row.outlet ?? outletOf(row.url),
  title: row.title ?? row.outlet ?? row.url,
});

const describeKind = (kind: FeedRow['kind']) => (kind === 'feed' ? 'a feed' : 'a shared corpus');
