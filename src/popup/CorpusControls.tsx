import { useEffect, useState } from 'preact/hooks';
import type { Reply, Request } from '../messages';

/** Sends a request to the background and resolves with its checked reply. */
export type Ask = <R extends Request>(request: R) => Promise<Reply<R['type']>>;

type Note = { kind: 'info' | 'error'; text: string } | null;

/**
 * The popup's corpus line: its size and "Add this page". Importing, exporting and the
 * opt-in to remember what is read live on the options page, with the rest of the corpus.
 */
export function CorpusControls({ ask, tabId }: { ask: Ask; tabId: number | null }) {
  const [count, setCount] = useState<number | null>(null);
  const [note, setNote] = useState<Note>(null);

  const refresh = () =>
    void ask({ type: 'corpus-status' }).then((r) => {
      if (r.ok) setCount(r.value.articles);
    });
  useEffect(refresh, []);

  const addPage = async () => {
    setNote({ kind: 'info', text: 'Reading this page…' });
    const r = await ask(tabId === null ? { type: 'add-active-tab' } : { type: 'add-tab', tabId });
    setNote(r.ok ? { kind: 'info', text: 'Added to the corpus.' } : { kind: 'error', text: r.error });
    refresh();
  };

  return (
    <div class="corpus-line">
      <button type="button" onClick={addPage}>
        Add this page to the corpus
      </button>{' '}
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
