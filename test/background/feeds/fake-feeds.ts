/**
 * The feeds service for handler tests: over a real database, with a fake web, fake alarms
 * and fake permissions that record what they were asked; or, for tests about other
 * requests, one that fetches nothing (offline) or refuses every call.
 */
import type { CorpusDb } from '../../../src/background/db';
import { type FeedsApi, type FeedsDeps, feedsService } from '../../../src/background/feeds/service';
import type { FeedSource } from '../../../src/core/feeds';
import { fakeWeb } from './fake-web';

/** Two invented default feeds: one on a host the manifest grants (cbc.ca), one off it. */
export const TEST_DEFAULTS: FeedSource[] = [
  { url: 'https://www.cbc.ca/world.xml', outlet: 'cbc.ca', title: 'CBC World' },
  { url: 'https://feeds.example-wire.org/world.rss', outlet: 'example-wire.org', title: 'Example Wire: World' },
];

export function fakeFeedsDeps(fetch: typeof globalThis.fetch = fakeWeb().fetch, clock = { now: Date.now() }) {
  const alarms = new Map<string, { delayInMinutes?: number; periodInMinutes?: number }>();
  const calls: [string, unknown][] = [];
  const deps: FeedsDeps = {
    fetch,
    now: () => clock.now,
    alarms: {
      create: (name, info) => {
        calls.push(['alarms.create', { name, ...info }]);
        alarms.set(name, info);
      },
      clear: async (name) => {
        calls.push(['alarms.clear', name]);
        return alarms.delete(name);
      },
      get: async (name) => (alarms.has(name) ? { name, ...alarms.get(name) } : undefined),
    },
    permissions: {
      remove: async (permissions) => {
        calls.push(['permissions.remove', permissions]);
        return true;
      },
    },
    manifestHosts: ['https://*.cbc.ca/*', 'https://*.voanews.com/*'],
    alwaysOnSites: async () => ['https://always.example.org'],
    storageEstimate: async () => ({ usage: 1234, quota: 10_000_000 }),
    defaultFeeds: TEST_DEFAULTS,
    timeoutMs: 50,
  };
  return { deps, alarms, calls, clock };
}

/** A feeds service that reaches no network (every fetch fails). */
export const offlineFeeds = (db: CorpusDb, ready: Promise<unknown>): FeedsApi =>
  feedsService(db, ready, fakeFeedsDeps().deps);

const METHODS: Record<keyof FeedsApi, true> = {
  following: true,
  setFollowing: true,
  addFeed: true,
  removeFeed: true,
  importOpml: true,
  exportOpml: true,
  pollNow: true,
  subscribe: true,
  unsubscribe: true,
  onAlarm: true,
  start: true,
};

/** A feeds service whose every call fails the test, unless the test replaces it. */
export const refusingFeeds = (overrides: Partial<FeedsApi> = {}): FeedsApi => ({
  ...(Object.fromEntries(
    Object.keys(METHODS).map((m) => [m, () => Promise.reject(new Error('unexpected feeds call'))]),
  ) as unknown as FeedsApi),
  ...overrides,
});
