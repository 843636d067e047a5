import { useEffect, useState } from 'preact/hooks';
import type { PageReading } from '../messages';
import type { Ask } from '../shared/ask';

type Note = { kind: 'info' | 'error'; text: string } | null;

/**
 * The popup's corpus line: its size, and "Add this page" when the background holds a reading
 * of the page that the corpus does not (it stores that reading: the text the highlights and
 * notes were made on). Importing, exporting and the opt-in to remember what is read live on
 * the options page, with the rest of the corpus.
 */
export function CorpusControls({
  ask,
  page,
  onAdded,
}: {
  ask: Ask;
  /** The background's reading of the page, or null when it could not read one. */
  page: PageReading | null;
  onAdded: () => void;
}) {
  const [count, setCount] = useState<number | null>(null);
  const [note, setNote] = useState<Note>(null);

  const refresh = () =>
    void ask({ type: 'corpus-status' }).then((r) => {
      if (r.ok) setCount(r.value.articles);
    });
  useEffect(refresh, []);

  const addPage = async (articleId: string) => {
    setNote({ kind: 'info', text: 'Adding this page…' });
    const r = await ask({ type: 'add-page', articleId });
    setNote(r.ok ? { kind: 'info', text: 'Added to the corpus.' } : { kind: 'error', text: r.error });
    refresh();
    if (r.ok) onAdded();
  };

  return (
    <div class="corpus-line">
      {page && !page.stored && (
        <>
          <button type="button" onClick={() => void addPage(page.articleId)}>
            Add this page to the corpus
          </button>{' '}
        </>
      )}
      {page?.stored && <span class="muted">This page is in the corpus. </span>}
      <span class="muted">
        {count === null ? 'Counting articles…' : `${count} article${count === 1 ? '' : 's'} to compare with.`}
      </span>
      {note && (
        <p role={note.kind === 'error' ? 'alert' : 'status'} class={note.kind === 'error' ? 'note note-error' : 'note'}>
          {note.text}
        </p>
      )}
    </div>
  );
}
