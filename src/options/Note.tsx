/** A result to tell the user: news, or an error in the background's own words. */
export type Note = { kind: 'info' | 'error'; text: string } | null;

/**
 * Where a section reports what happened. The status region is always in the page, because
 * screen readers announce changes to a live region, not one inserted with its text; an error
 * is an alert, which is announced when it appears.
 */
export function NoteLine({ note, focusRef }: { note: Note; focusRef?: { current: HTMLParagraphElement | null } }) {
  const info = note?.kind === 'info' ? note.text : '';
  return (
    <>
      <p
        role="status"
        class="note"
        tabIndex={focusRef ? -1 : undefined}
        ref={note?.kind === 'error' ? undefined : focusRef}
      >
        {info}
      </p>
      {note?.kind === 'error' && (
        <p role="alert" class="note note-error" tabIndex={focusRef ? -1 : undefined} ref={focusRef}>
          {note.text}
        </p>
      )}
    </>
  );
}
