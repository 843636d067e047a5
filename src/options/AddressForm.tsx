import { NoteLine } from './Note';
import type { useSourceEditing } from './source-editing';

type Editing = Pick<
  ReturnType<typeof useSourceEditing>,
  'draft' | 'setDraft' | 'busy' | 'submit' | 'note' | 'noteRef' | 'cancel'
>;

/** The form that adds a feed or a shared corpus by its address, and the note on what happened. */
export function AddressForm(props: {
  id: string;
  label: string;
  placeholder: string;
  button: string;
  editing: Editing;
}) {
  const { draft, setDraft, busy, submit, note, noteRef, cancel } = props.editing;
  return (
    <>
      <form class="add-form" onSubmit={submit} noValidate>
        <label for={props.id}>{props.label}</label>
        <input
          id={props.id}
          type="url"
          placeholder={props.placeholder}
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" aria-disabled={busy}>
          {props.button}
        </button>
        {cancel && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </form>
      <NoteLine note={note} focusRef={noteRef} />
    </>
  );
}
