import type { Note } from '../../core/notes/types';
import { STANCE_LABEL } from '../../shared/words';

/** A note as the card shows it, with where it stands now (moved with a changed wording, or in place). */
export interface ShownNote {
  note: Note;
  changed: { before: string; after: string } | null;
  /** The article's text differs from when the note was made (its hash changed). */
  textChanged: boolean;
}

/** The reader's notes on a highlight, each editable, and (given `onAdd`) a button for another. */
export function NotesSection({
  notes,
  onAdd,
  onEdit,
}: {
  notes: ShownNote[];
  onAdd?: () => void;
  onEdit: (note: Note) => void;
}) {
  return (
    <section class="notes" aria-label="Your notes">
      {notes.map(({ note, changed, textChanged }) => (
        <div key={note.id} class="note">
          {note.stance && <span class={`stance stance-${note.stance}`}>{STANCE_LABEL[note.stance]}</span>}
          {note.note && <p>{note.note}</p>}
          {note.tags.length > 0 && <p class="muted">Tags: {note.tags.join(', ')}</p>}
          {changed && (
            <p class="changed">
              The article’s text changed since you annotated it. Then: “{changed.before}”. Now: “{changed.after}”.
            </p>
          )}
          {!changed && textChanged && (
            <p class="muted">The article’s text changed since this note, but not the words it is on.</p>
          )}
          <button type="button" class="link" onClick={() => onEdit(note)}>
            Edit note
          </button>
        </div>
      ))}
      {onAdd && (
        <button type="button" onClick={onAdd}>
          Add a note
        </button>
      )}
    </section>
  );
}
