import { useEffect, useState } from 'preact/hooks';
import type { Reply, Request } from '../messages';

/** Sends a request to the background and resolves with its checked reply. */
export type Ask = <R extends Request>(request: R) => Promise<Reply<R['type']>>;

type Note = { kind: 'info' | 'error'; text: string } | null;

/** The corpus section of the popup: its size, "Add this page", import, and the opt-in to remember what is read. */
export function CorpusControls({ ask }: { ask: Ask }) {
  const [count, setCount] = useState<number | null>(null);
  const [remember, setRemember] = useState<boolean | null>(null);
  const [note, setNote] = useState<Note>(null);

  const refresh = () =>
    void ask({ type: 'corpus-status' }).then((r) => {
      if (r.ok) setCount(r.value.articles);
    });
  useEffect(() => {
    refresh();
    void ask({ type: 'get-settings' }).then((r) => r.ok && setRemember(r.value.rememberArticles));
  }, []);

  const addPage = async () => {
    setNote({ kind: 'info', text: 'Reading this page…' });
    const r = await ask({ type: 'add-active-tab' });
    setNote(r.ok ? { kind: 'info', text: 'Added to the corpus.' } : { kind: 'error', text: r.error });
    refresh();
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await ask({ type: 'import-articles', data: await file.text(), format: file.name.endsWith('.jsonl') ? 'jsonl' : 'json' });
    setNote(r.ok ? { kind: 'info', text: `Imported ${r.value.added.length} article(s)${r.value.skipped.length ? `; ${r.value.skipped.length} already in the corpus` : ''}.` } : { kind: 'error', text: r.error });
    refresh();
  };

  const toggle = async (on: boolean) => {
    const r = await ask({ type: 'set-settings', settings: { rememberArticles: on } });
    if (r.ok) setRemember(r.value.rememberArticles);
  };

  return (
    <section aria-labelledby="corpus-title">
      <h2 id="corpus-title">Corpus</h2>
      <p>{count === null ? 'Counting articles…' : `${count} article${count === 1 ? '' : 's'} to compare with.`}</p>
      <button type="button" onClick={addPage}>
        Add this page to the corpus
      </button>
      <label class="file">
        Import articles (JSON or JSON Lines)
        <input type="file" accept=".json,.jsonl,application/json" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      <label class="check">
        <input type="checkbox" checked={remember === true} disabled={remember === null} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
        Remember every article I read on enabled sites
      </label>
      {note && (
        <p role="alert" class={note.kind === 'error' ? 'note note-error' : 'note'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
