/**
 * One poll: every feed and shared corpus that is not backing off, a few fetched at a time.
 * Each feed's new entries are stored in short chunks, its row's new state with the last
 * (store-entries.ts), so a worker stopped mid-poll loses nothing and duplicates nothing: a
 * feed whose last chunk did not commit still has its old validators and is read again next
 * time, and what it stored is skipped. A feed that fails is recorded as failing and never
 * stops the others.
 */
import { outletOf } from '../../core/corpus/canonical-url';
import { decodeFeed, feedArticle, feedItemKey, parseFeed } from '../../core/feeds';
import type { PollReport } from '../../messages';
import type { CorpusArticle } from '../../core/corpus/types';
import { pruneFeedEntries } from '../corpus-store';
import type { FeedRow } from '../db';
import { afterSuccess, isDue } from './feed-state';
import { FEED_BYTES } from './fetch';
import { fetchRow, type PollDeps, type RowResult, recordFailure } from './row-fetch';
import { storeEntries } from './store-entries';
import { pollSubscription } from './subscriptions';

const AT_ONCE = 4;
/** The most item keys a feed's row keeps (a feed lists tens of items, rarely hundreds). */
const SEEN_KEPT = 2_000;
const DAY_MS = 86_400_000;
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Poll what is due, then prune the feed entries past retention; answers what happened. */
export async function pollFeeds(deps: PollDeps & { atOnce?: number }): Promise<PollReport> {
  const now = deps.now();
  const queue = (await deps.db.feeds.toArray()).filter((row) => isDue(row, now));
  const report: PollReport = { feeds: 0, added: 0, unchanged: 0, failed: [] };
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      if (deps.signal?.aborted || !(await deps.isOn())) return;
      const result = await pollRow(row, deps);
      report.feeds++;
      if (result.status === 'added') report.added += result.added;
      else if (result.status === 'unchanged') report.unchanged++;
      else report.failed.push({ url: row.url, error: result.error });
    }
  };
  await Promise.all(Array.from({ length: deps.atOnce ?? AT_ONCE }, worker));
  await pruneFeedEntries(deps.db, deps.retentionDays, now);
  return report;
}

/** Poll one feed or shared corpus; whatever goes wrong is recorded as its failure. */
export async function pollRow(row: FeedRow, deps: PollDeps): Promise<RowResult> {
  try {
    return row.kind === 'feed' ? await pollFeed(row, deps) : await pollSubscription(row, deps);
  } catch (error) {
    // A bug or a database error on one feed is that feed's failure, not the poll's.
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return recordFailure(deps.db, row, reason, deps.now());
  }
}

/** Fetch one feed and add its new items as headline entries of its outlet. */
export async function pollFeed(row: FeedRow, deps: PollDeps): Promise<RowResult> {
  const body = await fetchRow(row, deps, { maxBytes: FEED_BYTES, accept: FEED_ACCEPT }, decodeFeed);
  if ('status' in body) return body;
  const parsed = parseFeed(body.text, body.url);
  if (!parsed.ok) return recordFailure(deps.db, row, parsed.error, deps.now());
  const outlet = row.outlet ?? outletOf(row.url);
  // Items older than the retention would be pruned at once, and added again by the next poll.
  const oldest = new Date(deps.now() - deps.retentionDays * DAY_MS).toISOString().slice(0, 10);
  const build = (items: typeof parsed.value.items) =>
    items
      .map((item) => feedArticle(item, outlet))
      .filter((a): a is CorpusArticle => a !== null && (a.published === null || a.published >= oldest));
  // The items its last stored body listed were built and stored (or skipped) then: only the
  // others are built and looked up now. An entry the reader deleted stays deleted.
  const keys = parsed.value.items.map(feedItemKey);
  const seen = new Set(row.seenItems);
  const unseen = parsed.value.items.filter((_, i) => !seen.has(keys[i]!));
  const next = {
    ...afterSuccess(row, deps.now(), { ...body.seen, title: parsed.value.title }),
    seenItems: keys.slice(0, SEEN_KEPT),
  };
  const written = await storeEntries(deps.db, row, next, unseen, build, {
    origin: 'feed',
    now: deps.now(),
  });
  if (!written.ok) return recordFailure(deps.db, (await deps.db.feeds.get(row.url)) ?? row, written.error, deps.now());
  return { status: 'added', added: written.value };
}
