import type { SourceListProps } from './FeedList';
import { AddressForm } from './AddressForm';
import { askPermission, notGranted } from './permission';
import { useSourceEditing } from './source-editing';
import { SourceList } from './SourceRow';

/**
 * The shared corpora subscribed to: files of articles in the import format that a colleague or
 * a team publishes at a web address, fetched like the feeds. Subscribe by address (its site is
 * asked for in the click), see how each last fetch went, unsubscribe.
 */
export function SharedCorpora({ ask, state, requestOrigins, originsOf, now, onState }: SourceListProps) {
  const editing = useSourceEditing(ask, onState, {
    // The background fetches it at once, whether or not following is on: its site is asked for in the click.
    permission: (url) => askPermission(requestOrigins, originsOf([url])),
    refused: (permission) => `Not subscribed: ${notGranted(permission, 'its site')}.`,
    add: (url) => ({ type: 'subscribe-corpus', url }),
    added: (url) => `Subscribed to ${url}.`,
    remove: (corpus) => ({ type: 'unsubscribe-corpus', url: corpus.url }),
    removed: (corpus) => `Unsubscribed from ${corpus.url}. The articles it added stay in the corpus.`,
    // A large file takes minutes to import: its count so far, from its row.
    adding: (url, row) =>
      row?.items ? `Importing ${url}: ${row.items.toLocaleString('en-US')} articles so far…` : `Fetching ${url}…`,
  });

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
      <AddressForm
        id="corpus-url"
        label="Subscribe to a shared corpus by its address"
        placeholder="https://example.org/team/corpus.jsonl"
        button="Subscribe"
        editing={editing}
      />
      {state.subscriptions.length === 0 ? (
        <p>No subscriptions.</p>
      ) : (
        <SourceList
          label="Shared corpora subscribed to"
          sources={state.subscriptions}
          now={now}
          added="articles"
          action="Unsubscribe"
          busy={editing.busy}
          onAction={(corpus) => void editing.remove(corpus)}
        />
      )}
    </section>
  );
}
