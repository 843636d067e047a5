import { useEffect, useState } from 'preact/hooks';
import { feedOrigins } from '../core/feeds/origins';
import type { FollowingState } from '../messages';
import type { Ask } from '../shared/ask';
import type { Download } from '../shared/download';
import { CheckNow } from './CheckNow';
import { FeedList } from './FeedList';
import { FollowSettings } from './FollowSettings';
import { FollowSwitch } from './FollowSwitch';
import { bytesText, plural } from './follow-words';
import { OpmlTransfer } from './OpmlTransfer';
import type { RequestOrigins } from './permission';
import { SharedCorpora } from './SharedCorpora';

/** The host permissions to ask for before fetching from these addresses. */
const originsOf = (urls: string[]) => feedOrigins(urls.map((url) => ({ url })));

/** What the corpus's feed entries take up, in words. */
function storageText(state: FollowingState): string {
  const entries = `${plural(state.entries, 'entry', 'entries')} from feeds and shared corpora.`;
  if (!state.storage) return `The corpus holds ${entries} This browser does not say how much space Crosswire uses.`;
  const { usage, quota } = state.storage;
  return `The corpus holds ${entries} Crosswire uses ${bytesText(usage)} of the ${bytesText(quota)} this browser allows it.`;
}

interface FollowingProps {
  ask: Ask;
  download: Download;
  requestOrigins: RequestOrigins;
  /** The clock, so a feed's "backing off until" can be tested. */
  now?: () => number;
  /** The corpus changed (a check added entries): its list and counts are read again. */
  onCorpusChanged(): void;
}

/**
 * "Follow the outlets' news" (issue 13): the switch, the schedule and retention, the automatic
 * full text, "Check now", the feeds and the shared corpora, and the space it all takes. The
 * background owns the state; each change answers with the new state, which is shown as it is.
 */
export function Following({ ask, download, requestOrigins, now = Date.now, onCorpusChanged }: FollowingProps) {
  const [state, setState] = useState<FollowingState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = async () => {
    const r = await ask({ type: 'get-following' });
    setError(r.ok ? null : r.error);
    if (!r.ok) return null;
    setState(r.value);
    return r.value;
  };
  useEffect(() => void reload(), []);

  const body = () => {
    if (!state)
      return error ? (
        <div class="note note-error">
          <p role="alert">The following settings could not be read: {error}</p>
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">Reading the following settings…</p>
      );
    const origins = originsOf([...state.feeds, ...state.subscriptions].map((s) => s.url));
    const lists = { ask, state, requestOrigins, originsOf, now: now(), onState: setState };
    return (
      <>
        <FollowSwitch ask={ask} state={state} origins={origins} requestOrigins={requestOrigins} onState={setState} />
        <CheckNow
          ask={ask}
          following={state.settings.on}
          onChecked={(added) => {
            void reload();
            if (added) onCorpusChanged();
          }}
        />
        <section aria-labelledby="schedule-title">
          <h3 id="schedule-title">Schedule and full text</h3>
          <FollowSettings ask={ask} settings={state.settings} onState={setState} />
        </section>
        <FeedList {...lists}>
          <OpmlTransfer
            ask={ask}
            download={download}
            following={state.settings.on}
            feeds={state.feeds.length}
            origins={origins}
            requestOrigins={requestOrigins}
            reload={reload}
          />
        </FeedList>
        <SharedCorpora {...lists} />
        <section aria-labelledby="storage-title">
          <h3 id="storage-title">Storage</h3>
          <p>{storageText(state)}</p>
        </section>
      </>
    );
  };

  return (
    <section id="following" aria-labelledby="following-title">
      <h2 id="following-title">Follow the outlets’ news</h2>
      {body()}
    </section>
  );
}
