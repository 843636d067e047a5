import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleList, ArticleListItem } from '../messages';
import type { Ask } from '../shared/ask';
import { ArticleRow, describeArticle } from './ArticleRow';
import { NoteLine, type Note } from './Note';

/** How many articles a page of the list shows. */
export const PAGE_SIZE = 50;

type Shown = { list: ArticleList; query: string; offset: number };

/** What the list's status line says about the page shown. */
function summary(shown: Shown | null, failed: boolean): string[] {
  if (!shown) return [failed ? 'The corpus could not be listed.' : 'Loading the corpus…'];
  const { list, query, offset } = shown;
  if (list.total === 0)
    return [
      query
        ? `No articles match “${query}”.`
        : 'The corpus is empty: import articles above, or add pages from the popup.',
    ];
  const heading = list.actor ? `Articles naming ${list.actor.label}` : query ? `Articles matching “${query}”` : null;
  const range = `Showing ${offset + 1}–${offset + list.items.length} of ${list.total}`;
  return heading ? [heading, range] : [range];
}

/** The stored articles, newest first: searchable by actor or words, 50 a page, each removable. */
export function CorpusList({ ask, version, onChange }: { ask: Ask; version: number; onChange: () => void }) {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const latest = useRef(0);
  const noteRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const ticket = ++latest.current;
    void ask({ type: 'list-articles', offset, limit: PAGE_SIZE, ...(query ? { query } : {}) }).then((r) => {
      if (ticket !== latest.current) return; // a newer search or page has been asked for
      setError(r.ok ? null : r.error);
      if (!r.ok) return;
      // Removing the only article of the last page leaves it empty: show the page before.
      if (r.value.items.length === 0 && offset > 0) return setOffset(Math.max(0, offset - PAGE_SIZE));
      setShown({ list: r.value, query, offset });
    });
  }, [query, offset, version, attempt]);

  useEffect(() => {
    // The removed row took the focus with it: put it on what happened.
    if (note) noteRef.current?.focus();
  }, [note]);

  const search = (event: Event) => {
    event.preventDefault();
    setQuery(draft.trim());
    setOffset(0);
    setNote(null);
  };

  const remove = async (item: ArticleListItem) => {
    setRemoving(true);
    const r = await ask({ type: 'delete-article', articleId: item.articleId });
    setRemoving(false);
    setConfirming(null);
    setNote(
      r.ok
        ? { kind: 'info', text: `Removed ${describeArticle(item)} from the corpus.` }
        : { kind: 'error', text: r.error },
    );
    if (r.ok) onChange();
  };

  const page = shown?.offset ?? 0;
  const total = shown?.list.total ?? 0;
  const turn = (to: number) => () => to >= 0 && to < total && setOffset(to);
  return (
    <section aria-labelledby="list-title">
      <h3 id="list-title">Stored articles</h3>
      <form role="search" class="search" onSubmit={search}>
        <label for="corpus-query">Search by actor or words</label>
        <input
          id="corpus-query"
          type="search"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Search</button>
      </form>
      <div role="status" class="summary">
        {summary(shown, error !== null).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {error && (
        <div class="note note-error">
          <p role="alert">{error}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      <NoteLine note={note} focusRef={noteRef} />
      {shown && shown.list.items.length > 0 && (
        <ol class="articles" start={page + 1}>
          {shown.list.items.map((item) => (
            <ArticleRow
              key={item.articleId}
              item={item}
              confirming={confirming === item.articleId}
              removing={removing}
              onRemove={() => setConfirming(item.articleId)}
              onConfirm={() => void remove(item)}
              onCancel={() => setConfirming(null)}
            />
          ))}
        </ol>
      )}
      {total > PAGE_SIZE && (
        // aria-disabled rather than disabled: a button that vanishes from the tab order drops the keyboard focus.
        <nav class="pager" aria-label="Pages of articles">
          <button type="button" aria-disabled={page === 0} onClick={turn(page - PAGE_SIZE)}>
            Newer
          </button>
          <button type="button" aria-disabled={page + PAGE_SIZE >= total} onClick={turn(page + PAGE_SIZE)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
