/**
 * What the background answers about following the news: each feed's and shared corpus's
 * status, the state the options page shows, and what a poll did; with their reply checks.
 */
import * as v from 'valibot';
import { type FollowingSettings, FollowingSettingsSchema } from './values';

/** A followed feed or shared corpus, and how its fetching goes (times are Date.now() values). */
export interface FeedStatus {
  url: string;
  kind: 'feed' | 'corpus';
  /** The outlet its entries are credited to (a feed); null for a shared corpus (each record names its own). */
  outlet: string | null;
  title: string | null;
  addedBy: 'default' | 'reader';
  /** The last poll that got an answer, new or unchanged. */
  lastSuccess: number | null;
  /** The last failure and when: kept after a later success (failing now is `failures > 0`). */
  lastError: string | null;
  lastErrorAt: number | null;
  /** Failures in a row (0 after a success): the backoff grows with it. */
  failures: number;
  /** Not fetched before this time: Retry-After, or the backoff after failures ("backing off until …"). */
  retryAt: number | null;
  /** Entries it added to the corpus, in all. */
  items: number;
}

/** What the options page shows of following the news. */
export interface FollowingState {
  settings: FollowingSettings;
  feeds: FeedStatus[];
  subscriptions: FeedStatus[];
  /** Articles from feeds and shared corpora the corpus holds now. */
  entries: number;
  /** The browser's estimate for the extension's storage, in bytes; null where it gives none. */
  storage: { usage: number; quota: number } | null;
}

/** What one poll did: feeds (and shared corpora) fetched, entries added, those unchanged, those that failed. */
export interface PollReport {
  feeds: number;
  added: number;
  unchanged: number;
  failed: { url: string; error: string }[];
}

const FEED_STATUS = v.looseObject({
  url: v.string(),
  kind: v.picklist(['feed', 'corpus']),
  lastSuccess: v.nullable(v.number()),
  lastError: v.nullable(v.string()),
  failures: v.number(),
  retryAt: v.nullable(v.number()),
  items: v.number(),
});
export const FOLLOWING = v.looseObject({
  settings: FollowingSettingsSchema,
  feeds: v.array(FEED_STATUS),
  subscriptions: v.array(FEED_STATUS),
  entries: v.number(),
  storage: v.nullable(v.looseObject({ usage: v.number(), quota: v.number() })),
});
export const POLL_REPORT = v.looseObject({
  feeds: v.number(),
  added: v.number(),
  unchanged: v.number(),
  failed: v.array(v.looseObject({ url: v.string(), error: v.string() })),
});
