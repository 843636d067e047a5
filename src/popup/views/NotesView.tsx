import { useState } from 'preact/hooks';
import type { PageExportKind } from '../../messages';
import type { Download } from '../../shared/download';
import type { Ask } from '../../shared/ask';
import type { PageFacts } from '../page-state';
import { useAnswer } from '../use-answer';
import { STANCE_LABEL } from '../../shared/words';
import { Answered, Empty, Problem, clip } from './common';

/** This page's notes (placed again in the page's text; those that cannot be are listed as orphans), and this page's exports. */
export function NotesView({ facts, ask, download }: { facts: PageFacts; ask: Ask; download: Download }) {
  // The background places each note in the page's text, which it holds.
  const answer = useAnswer(() => ask({ type: 'page-notes', articleId: facts.articleId }), [facts.articleId]);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const placed = answer.state === 'ok' ? answer.value.notes : [];
  const anchored = placed.filter((p) => p.at.state === 'anchored');
  const orphans = placed.filter((p) => p.at.state === 'orphan').map((p) => p.note);
  const save = async (kind: PageExportKind) => {
    setStatus({ kind: 'info', text: 'Preparing the file…' });
    // One request: the background builds the file from the page's reading and the corpus.
    const file = await ask({ type: 'export-page', articleId: facts.articleId, kind });
    if (!file.ok) return setStatus({ kind: 'error', text: `Could not export: ${file.error}` });
    download(file.value.filename, file.value.data, file.value.mime);
    setStatus({ kind: 'info', text: `Saved ${file.value.filename}.` });
  };
  return (
    <div class="notes-view">
      <Answered answer={answer} loading="Reading your notes…">
        {() =>
          placed.length === 0 ? (
            <Empty>
              No notes on this page yet. Select text in the article and choose “Add a note” (or Alt+Shift+N), or add one
              from a highlight’s card.
            </Empty>
          ) : (
            <ul class="my-notes">
              {anchored.map(({ note, at }) => (
                <li key={note.id}>
                  <p class="quote-line">“{clip(note.target.exact, 200)}”</p>
                  {note.stance && <span class={`stance stance-${note.stance}`}>{STANCE_LABEL[note.stance]}</span>}
                  {note.note && <p>{note.note}</p>}
                  {note.tags.length > 0 && <p class="muted">Tags: {note.tags.join(', ')}</p>}
                  {at.state === 'anchored' && at.changed && (
                    <p class="flag">
                      The article’s text changed since you annotated it. Then: “{clip(at.changed.before, 160)}”. Now: “
                      {clip(at.changed.after, 160)}”.
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Answered>
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-title">
          <h3 id="orphans-title">Notes that could not be placed</h3>
          <p class="muted">Their words are no longer in this version of the article. They are kept.</p>
          <ul class="my-notes orphans">
            {orphans.map((note) => (
              <li key={note.id}>
                <p class="quote-line">“{clip(note.target.exact, 200)}”</p>
                {note.note && <p>{note.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="exports">
        Export this page:{' '}
        <button type="button" onClick={() => void save('jsonld')}>
          Web Annotation (JSON-LD)
        </button>{' '}
        <button type="button" onClick={() => void save('csv')}>
          Notes as CSV
        </button>{' '}
        <button type="button" onClick={() => void save('markdown')}>
          Report (Markdown)
        </button>
      </p>
      {status && (status.kind === 'error' ? <Problem>{status.text}</Problem> : <p role="status">{status.text}</p>)}
    </div>
  );
}
