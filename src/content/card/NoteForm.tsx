import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { STANCES, type Stance } from '../../core/notes/types';
import { ConfirmPrompt, useFocusBack } from '../../shared/ui/ConfirmPrompt';
import { STANCE_LABEL } from '../../shared/words';

/** What the reader writes on a note. */
export interface NoteFields {
  note: string;
  tags: string[];
  stance: Stance | null;
}

/** "tolls, to check ,UN" -> ["tolls", "to check", "UN"]: commas separate tags, blanks go. */
export const parseTags = (s: string) =>
  [
    ...new Set(
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
    .slice(0, 100)
    .map((t) => t.slice(0, 200));

/**
 * The form for a new note or an edit: note text, tags and a stance. Focus starts in the note
 * text; Escape cancels (the card's own Escape handling is not reached from inside the form).
 * Delete asks first, as removing anything stored does everywhere in Crosswire.
 */
export function NoteForm({
  quote,
  initial,
  onSave,
  onCancel,
  onDelete,
  error,
}: {
  quote: string;
  initial?: NoteFields;
  onSave: (fields: NoteFields) => void;
  onCancel: () => void;
  onDelete?: () => void;
  error?: string | null;
}) {
  const [note, setNote] = useState(initial?.note ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [stance, setStance] = useState<Stance | ''>(initial?.stance ?? '');
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useFocusBack<HTMLButtonElement>(confirming);
  const first = useRef<HTMLTextAreaElement>(null);
  // Before the next paint, so keys typed right after the shortcut land in the note.
  useLayoutEffect(() => first.current?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    onSave({ note: note.trim(), tags: parseTags(tags), stance: stance || null });
  };
  return (
    <form
      class="note-form"
      aria-label={initial ? 'Edit note' : 'New note'}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <p class="quote">{quote.length > 200 ? `${quote.slice(0, 199)}…` : quote}</p>
      <label>
        Note
        <textarea
          ref={first}
          rows={3}
          value={note}
          maxLength={100_000}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label>
        Tags, separated by commas
        <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        Stance{' '}
        <select value={stance} onChange={(e) => setStance((e.currentTarget as HTMLSelectElement).value as Stance | '')}>
          <option value="">None</option>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {confirming && onDelete ? (
        <ConfirmPrompt
          question="Delete this note?"
          confirm="Yes, delete"
          onConfirm={() => {
            setConfirming(false);
            onDelete();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <p class="buttons">
          <button type="submit">Save note</button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          {onDelete && (
            <button type="button" class="danger" ref={deleteButton} onClick={() => setConfirming(true)}>
              Delete note
            </button>
          )}
        </p>
      )}
    </form>
  );
}
