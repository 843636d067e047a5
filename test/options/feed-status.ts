import type { FeedStatus } from '../../src/messages';

/** A feed as get-following lists it: never fetched, unless `more` says otherwise. */
export const feedStatus = (url: string, outlet: string | null, more: Partial<FeedStatus> = {}): FeedStatus => ({
  url,
  kind: 'feed',
  outlet,
  title: null,
  addedBy: 'default',
  lastSuccess: null,
  lastError: null,
  lastErrorAt: null,
  failures: 0,
  retryAt: null,
  items: 0,
  ...more,
});
