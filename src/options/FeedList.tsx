import type { ComponentChildren } from 'preact';
import type { FeedStatus, FollowingState } from '../messages';
import type { Ask } from '../shared/ask';
import { plural, sourceName } from './follow-words';
import { AddressForm } from './AddressForm';
import { askPermission, notGranted, type RequestOrigins } from './permission';
import { useSourceEditing } from './source-editing';
import { SourceList } from './SourceRow';

export interface SourceListProps {
  ask: Ask;
  state: FollowingState;
  requestOrigins: RequestOrigins;
  /** The match patterns to ask for before fetching from these addresses. */
  originsOf(urls: string[]): string[];
  now: number;
  onState(state: FollowingState): void;
}

/** The feeds in the order a reader looks for them: by outlet, then address. */
const byName = (feeds: FeedStatus[]) =>
  feeds
    .map((feed) => ({ feed, name: sourceName(feed) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.feed.url.localeCompare(b.feed.url))
    .map(({ feed }) => feed);

/** What the list's first line says: how many feeds, and how many are failing. */
function feedCount(feeds: FeedStatus[]): string {
  if (!feeds.length) return 'No feeds: add one below, or import a list.';
  const failing = feeds.filter((f) => f.lastError !== null && (f.lastSuccess ?? 0) < (f.lastErrorAt ?? 0)).length;
  return `${plural(feeds.length, 'feed')}${failing ? `, ${failing} failing at the last try` : ''}.`;
}

/**
 * The feeds followed, each with how its last fetches went; add one by its address, remove one
 * (its entries stay in the corpus). While following is on, a new feed's site is asked for in
 * the click that adds it, as the switch does.
 */
export function FeedList({
  ask,
  state,
  requestOrigins,
  originsOf,
  now,
  onState,
  children,
}: SourceListProps & { children?: ComponentChildren }) {
  const editing = useSourceEditing(ask, onState, {
    // While following is on, the feed is fetched from then on: its site is asked for at once.
    permission: (url) => (state.settings.on ? askPermission(requestOrigins, originsOf([url])) : null),
    refused: (permission) => `The feed was not added: ${notGranted(permission, 'its site')}.`,
    add: (url) => ({ type: 'add-feed', url }),
    added: (url, now) => {
      const feed = now.feeds.find((f) => f.url === url);
      return `Added the feed ${feed ? `of ${sourceName(feed)} ` : ''}(${url}).`;
    },
    remove: (feed) => ({ type: 'remove-feed', url: feed.url }),
    removed: (feed) =>
      `Removed the feed of ${sourceName(feed)} (${feed.url}). The entries it added stay in the corpus.`,
  });

  return (
    <section aria-labelledby="feeds-title">
      <h3 id="feeds-title">Feeds</h3>
      <p>{feedCount(state.feeds)}</p>
      <AddressForm
        id="feed-url"
        label="Add a feed (RSS, Atom, RDF or JSON Feed) by its address"
        placeholder="https://example.org/world/rss.xml"
        button="Add feed"
        editing={editing}
      />
      {children}
      {state.feeds.length > 0 && (
        <SourceList
          label="Feeds followed"
          sources={byName(state.feeds)}
          now={now}
          added="entries"
          action="Remove"
          busy={editing.busy}
          onAction={(feed) => void editing.remove(feed)}
        />
      )}
    </section>
  );
}
