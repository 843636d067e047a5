/**
 * How a poll stores what it read, feed or shared corpus alike, without holding the popup and
 * the pages back: in chunks of a few entries while a reader is about (a feed's worth, or 20 of
 * a shared corpus's articles, when none is), one transaction each, one poll write at a time
 * however many feeds are fetched at once, and a turn for everyone else between chunks.
 *
 * Each chunk's transaction also writes the row's count of items; only the last writes the
 * row's new state (its validators). A worker stopped half-way has stored whole chunks and
 * left the row's validators as they were, so the next poll reads the body again, and the store
 * skips what it holds: nothing is lost, nothing is stored twice.
 */
import type { CorpusArticle } from '../../core/corpus/types';
import type { Result } from '../../messages';
import { insertEntries } from '../corpus-store';
import type { CorpusDb, FeedRow } from '../db';
import { readerFirst, readerSeenWithin } from '../foreground';

/**
 * Entries a poll writes (and builds) at a time while a reader is about: a query that arrives
 * while a chunk is written waits for that chunk alone, not for a feed of sixty items. Poll
 * bench, 50 feeds of 60 new items with queries 20 ms apart, four alternating rounds: a story
 * match took 19-23 ms at the median and 40-48 at p95 in chunks of 5, against 44-51 and 78-93
 * in chunks of 20; the poll cost 4.7-5.8 s of CPU against 3.1-3.6. A usual poll, a few new
 * items a feed, is one chunk either way.
 */
export const CHUNK = 5;
/**
 * Feed entries (a headline and a summary each) a poll writes at a time when no reader has
 * asked anything for `READER_GONE_MS`: a feed of sixty items in one transaction. Each
 * transaction costs the background's thread several milliseconds of its own (50 feeds of 60
 * items: 2.0-2.2 s of CPU in chunks of 60, 2.9-3.3 s in chunks of 20; poll bench, three
 * alternating rounds), and nobody is waiting behind it.
 */
export const IDLE_CHUNK = 60;
/** A shared corpus's entries, whole articles, that a poll writes at a time when no reader is about. */
export const IDLE_SHARED_CHUNK = 20;
/** How long after a reader's last request a poll still writes in short chunks. */
export const READER_GONE_MS = 10_000;

// The one poll write in progress: the next waits for it, and for the requests a reader is
// waiting on (foreground.ts), so a query waits behind one chunk at most.
let lane: Promise<unknown> = Promise.resolve();

function inLane<T>(write: () => Promise<T>): Promise<T> {
  const afterQueries = () => readerFirst().then(write);
  const turn = lane.then(afterQueries, afterQueries);
  lane = turn.catch(() => undefined);
  return turn;
}

/**
 * Build and store a row's new entries chunk by chunk (at least one chunk, even with nothing
 * new: it writes the row's new state), until the reader removes the row (unsubscribing
 * cancels a long import). Answers how many were added, or the storage error.
 * A body read in parts (a large shared corpus) stores each part this way, and only its last
 * part is `final`: the others' chunks write the row's count of items, never its new state.
 */
export async function storeEntries<T>(
  db: CorpusDb,
  row: FeedRow,
  next: FeedRow,
  sources: T[],
  build: (chunk: T[]) => CorpusArticle[],
  options: { origin: 'feed' | 'shared'; now: number; final?: boolean },
): Promise<Result<number>> {
  const final = options.final ?? true;
  let added = 0;
  let at = 0;
  // Set when a chunk finds its row gone (the reader removed the feed or subscription): that
  // chunk stores nothing, and no chunk follows it.
  let gone = false;
  do {
    // Built before its turn at the database, as the feed arrives: building in the turn cost
    // the poll more of the background's CPU (2.7-3.3 s against 2.1-3.1, five rounds).
    const idle = options.origin === 'feed' ? IDLE_CHUNK : IDLE_SHARED_CHUNK;
    const size = readerSeenWithin(READER_GONE_MS) ? CHUNK : idle;
    const entries = build(sources.slice(at, at + size));
    at += size;
    const last = final && at >= sources.length;
    const written = await inLane(() =>
      insertEntries(db, entries, options.origin, {
        now: options.now,
        // Read in the chunk's transaction: a row the reader removed meanwhile stays removed,
        // and gets no more entries.
        onlyIf: async () => {
          gone = !(await db.feeds.get(row.url));
          return !gone;
        },
        alongside: async (ids) => {
          const current = (await db.feeds.get(row.url))!;
          const items = current.items + ids.length;
          await db.feeds.put(last ? { ...next, items } : { ...current, items });
        },
      }),
    );
    if (!written.ok) return written;
    added += written.value.added.length;
  } while (at < sources.length && !gone);
  return { ok: true, value: added };
}
