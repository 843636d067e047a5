import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceListProps } from './FeedList';
import type { FeedStatus } from '../messages';
import { webAddress } from './follow-words';
import { NoteLine, type Note } from './Note';
import { askPermission, notGranted, type Permission } from './permission';
import { SourceList } from './SourceRow';

/**
 * The shared corpora subscribed to: files of articles in the import format that a colleague or
 * a team publishes at a web address, fetched like the feeds. Subscribe by address (its site is
 * asked for in the click), see how each last fetch went, unsubscribe.
 */
export function SharedCorpora({ ask, state, requestOrigins, originsOf, now, onState }: SourceListProps) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const [focusNote, setFocusNote] = useState(0);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
  }, [focusNote]);

  const subscribe = async (url: string, asked: Promise<Permission>) => {
    const permission = await asked;
    if (!permission.granted)
      return setNote({ kind: 'error', text: `Not subscribed: ${notGranted(permission, 'its site')}.` });
    const r = await ask({ type: 'subscribe-corpus', url });
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    onState(r.value);
    setDraft('');
    setNote({ kind: 'info', text: `Subscribed to ${url}.` });
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const typed = webAddress(draft);
    if (!typed.ok) return setNote({ kind: 'error', text: typed.error });
    // The background fetches it at once, whether or not following is on: ask for its site in the click.
    const asked = askPermission(requestOrigins, originsOf([typed.url]));
    setBusy(true);
    void subscribe(typed.url, asked).finally(() => setBusy(false));
  };

  const unsubscribe = async (corpus: FeedStatus) => {
    setBusy(true);
    const r = await ask({ type: 'unsubscribe-corpus', url: corpus.url });
    setBusy(false);
    setNote(
      r.ok
        ? { kind: 'info', text: `Unsubscribed from ${corpus.url}. The articles it added stay in the corpus.` }
        : { kind: 'error', text: r.error },
    );
    if (r.ok) onState(r.value);
    setFocusNote((n) => n + 1);
  };

  return (
    <section id="shared-corpora" aria-labelledby="shared-title">
      <h3 id="shared-title">Shared corpora</h3>
      <p class="help">
        A shared corpus is a file of articles that a colleague or your team publishes at a web address, in the corpus
        import format (what the export above writes, or JSON Lines). Crosswire checks it with the feeds and adds the
        articles it does not hold yet. A file with a problem changes nothing: the problem is shown here.
      </p>
      <details class="help">
        <summary>How to publish one</summary>
        <ol>
          <li>
            Export the articles to share with <a href="#transfer-title">Export to a file</a>, in the Corpus section.
          </li>
          <li>Put the file on any web server that serves it over https (a team site, a Git host’s raw files).</li>
          <li>Send its address to your colleagues, who subscribe to it here.</li>
          <li>To update it, replace the file: each subscriber’s Crosswire adds the new articles at its next check.</li>
        </ol>
      </details>
      <form class="add-form" onSubmit={submit} noValidate>
        <label for="corpus-url">Subscribe to a shared corpus by its address</label>
        <input
          id="corpus-url"
          type="url"
          placeholder="https://example.org/team/corpus.jsonl"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" aria-disabled={busy}>
          Subscribe
        </button>
      </form>
      <NoteLine note={note} focusRef={noteRef} />
      {state.subscriptions.length === 0 ? (
        <p>No subscriptions.</p>
      ) : (
        <SourceList
          label="Shared corpora subscribed to"
          sources={state.subscriptions}
          now={now}
          added="articles"
          action="Unsubscribe"
          busy={busy}
          onAction={(corpus) => void unsubscribe(corpus)}
        />
      )}
    </section>
  );
}
