/**
 * Following the outlets' news, as the message handler and the alarm see it. Off by default:
 * the default feeds are stored but nothing is fetched until the reader turns it on (the
 * options page asks for the feed hosts' permissions in that click). On, an alarm polls every
 * `intervalMinutes`; off, the alarm goes, fetches in flight are aborted and the feed hosts'
 * permissions are given back.
 */
import { DEFAULT_FEEDS, type FeedSource, feedOrigins, feedsFromOpml, feedsToOpml } from '../../core/feeds';
import type { FollowingSettings, FollowingState, PollReport, Result } from '../../messages';
import { originCount } from '../corpus-counts';
import { pruneFeedEntries } from '../corpus-store';
import type { CorpusDb, FeedRow } from '../db';
import { addRow, newRow, readerFeed, removeRow, sourceOf, statusOf, storeDefaultFeeds } from './feed-rows';
import { originsToReturn } from './origins';
import { pollFeeds, pollRow } from './poll';
import type { PollDeps } from './row-fetch';
import { readFollowing, writeFollowing } from './settings';

export const POLL_ALARM = 'crosswire-poll';
/** The first poll after following is turned on (Chrome runs alarms no sooner than 30 s). */
const FIRST_POLL_MINUTES = 1;

export interface FeedsApi {
  following(): Promise<FollowingState>;
  setFollowing(changes: Partial<FollowingSettings>): Promise<FollowingState>;
  addFeed(url: string, outlet?: string): Promise<Result<FollowingState>>;
  removeFeed(url: string): Promise<Result<FollowingState>>;
  importOpml(data: string): Promise<Result<{ added: number; skipped: string[] }>>;
  exportOpml(): Promise<{ data: string; filename: string }>;
  /** Poll now (the options page's "Check now"); refused while following is off. */
  pollNow(): Promise<Result<PollReport>>;
  /** Subscribe to a shared corpus and import it now: the reader's click asks for that one fetch. */
  subscribe(url: string): Promise<Result<FollowingState>>;
  unsubscribe(url: string): Promise<Result<FollowingState>>;
  /** An alarm went off: poll when it is ours and following is on. */
  onAlarm(name: string): Promise<void>;
  /** At every start: store the default feeds once, match the alarm to the setting, prune. */
  start(): Promise<void>;
}

/** The extension API and the world, as the background gives them (fakes in tests). */
export interface FeedsDeps {
  fetch: typeof fetch;
  now: () => number;
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
    clear(name: string): Promise<unknown>;
    get(name: string): Promise<unknown>;
  };
  permissions: { remove(permissions: { origins: string[] }): Promise<unknown> };
  /** The manifest's host_permissions: granted for good, never given back. */
  manifestHosts: string[];
  /** Origins of the sites the reader chose "always on" for: their permission stays. */
  alwaysOnSites: () => Promise<string[]>;
  storageEstimate: () => Promise<{ usage: number; quota: number } | null>;
  defaultFeeds?: readonly FeedSource[];
  timeoutMs?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function feedsService(db: CorpusDb, ready: Promise<unknown>, deps: FeedsDeps): FeedsApi {
  const after = <T>(f: () => Promise<T>) => ready.then(f);
  // The poll running in this worker, if any: a second request joins it. In memory only,
  // because a worker that stops takes its poll with it (and the store makes that safe).
  let running: { report: Promise<PollReport>; stop: AbortController } | null = null;

  const state = async (): Promise<FollowingState> => {
    const [settings, rows, feed, shared, storage] = await Promise.all([
      readFollowing(db),
      db.feeds.toArray(),
      originCount(db, 'feed'),
      originCount(db, 'shared'),
      deps.storageEstimate().catch(() => null),
    ]);
    const of = (kind: FeedRow['kind']) => rows.filter((r) => r.kind === kind).map(statusOf);
    return { settings, feeds: of('feed'), subscriptions: of('corpus'), entries: feed + shared, storage };
  };
  const answer = async <T>(result: Result<T>): Promise<Result<FollowingState>> =>
    result.ok ? { ok: true, value: await state() } : result;

  const pollDeps = (settings: FollowingSettings, signal: AbortSignal): PollDeps => ({
    db,
    fetch: deps.fetch,
    now: deps.now,
    retentionDays: settings.retentionDays,
    isOn: async () => (await readFollowing(db)).on,
    signal,
    ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
  });

  const poll = async (): Promise<PollReport> => {
    if (running) return running.report;
    const stop = new AbortController();
    const report = readFollowing(db).then((settings) => pollFeeds(pollDeps(settings, stop.signal)));
    running = { report, stop };
    try {
      return await report;
    } finally {
      running = null;
    }
  };

  const schedule = async (settings: FollowingSettings, first: boolean) => {
    if (!settings.on) {
      await deps.alarms.clear(POLL_ALARM);
      return;
    }
    // Creating an alarm of the same name replaces it: a new interval takes effect at once.
    await deps.alarms.create(POLL_ALARM, {
      delayInMinutes: first ? FIRST_POLL_MINUTES : settings.intervalMinutes,
      periodInMinutes: settings.intervalMinutes,
    });
  };

  const switchOff = async () => {
    running?.stop.abort();
    const rows = await db.feeds.toArray();
    const origins = originsToReturn(
      feedOrigins(rows.map(sourceOf)),
      deps.manifestHosts,
      await deps.alwaysOnSites().catch(() => []),
    );
    // Permissions the reader never granted (or took back) make remove() reject: nothing to give back.
    if (origins.length) await deps.permissions.remove({ origins }).catch(() => undefined);
  };

  return {
    following: () => after(state),
    setFollowing: (changes) =>
      after(async () => {
        const { before, after: now } = await writeFollowing(db, changes);
        if (now.on !== before.on || now.intervalMinutes !== before.intervalMinutes)
          await schedule(now, now.on && !before.on);
        if (before.on && !now.on) await switchOff();
        if (now.retentionDays < before.retentionDays) await pruneFeedEntries(db, now.retentionDays, deps.now());
        return state();
      }),
    addFeed: (url, outlet) => after(async () => answer(await addRow(db, readerFeed(url, outlet)))),
    removeFeed: (url) => after(async () => answer(await removeRow(db, url, 'feed'))),
    importOpml: (data) =>
      after(async () => {
        const feeds = feedsFromOpml(data);
        if (!feeds.ok) return feeds;
        let added = 0;
        const skipped: string[] = [];
        for (const feed of feeds.value) {
          const row = await addRow(db, readerFeed(feed.url, feed.outlet, feed.title || null));
          if (row.ok) added++;
          else skipped.push(row.error);
        }
        return { ok: true, value: { added, skipped } };
      }),
    exportOpml: () =>
      after(async () => {
        const day = new Date(deps.now());
        const rows = await db.feeds.where('kind').equals('feed').toArray();
        const name = `crosswire-feeds-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.opml`;
        return { data: feedsToOpml(rows.map(sourceOf), day), filename: name };
      }),
    pollNow: () =>
      after(async (): Promise<Result<PollReport>> => {
        if (!(await readFollowing(db)).on)
          return { ok: false, error: 'Following the news is off: turn it on to fetch the feeds.' };
        return { ok: true, value: await poll() };
      }),
    subscribe: (url) =>
      after(async () => {
        const row = newRow(url, 'corpus', { outlet: null, title: null, addedBy: 'reader' });
        const added = await addRow(db, row);
        if (!added.ok) return added;
        const settings = await readFollowing(db);
        // Its result (entries, or the file's error) is on the row the answer shows.
        await pollRow(row, pollDeps(settings, new AbortController().signal));
        return { ok: true, value: await state() };
      }),
    unsubscribe: (url) => after(async () => answer(await removeRow(db, url, 'corpus'))),
    onAlarm: (name) =>
      after(async () => {
        if (name === POLL_ALARM && (await readFollowing(db)).on) await poll();
      }),
    start: () =>
      after(async () => {
        await storeDefaultFeeds(db, deps.defaultFeeds ?? DEFAULT_FEEDS);
        const settings = await readFollowing(db);
        // Browsers may drop alarms on a restart or an update: put ours back if it went.
        if (!settings.on) await deps.alarms.clear(POLL_ALARM);
        else if (!(await deps.alarms.get(POLL_ALARM))) await schedule(settings, true);
        await pruneFeedEntries(db, settings.retentionDays, deps.now());
      }),
  };
}
