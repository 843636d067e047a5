import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Answer } from '../use-answer';

export { clip, dateText } from '../../shared/words';

/** Waiting for the background, or its error, or the content: a view is never blank. */
export function Answered<T>({
  answer,
  loading,
  children,
}: {
  answer: Answer<T>;
  loading: string;
  children: (value: T) => ComponentChildren;
}) {
  if (answer.state === 'loading')
    return (
      <p class="muted" role="status">
        {loading}
      </p>
    );
  if (answer.state === 'error') return <Problem>{answer.error}</Problem>;
  return <>{children(answer.value)}</>;
}

/** Something went wrong: said once, in words, announced to screen readers. */
export function Problem({ children }: { children: ComponentChildren }) {
  return (
    <p class="note note-error" role="alert">
      {children}
    </p>
  );
}

/** An empty result, with what to do about it. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A link that opens in a new tab (the popup would close on navigation). */
export function OutLink({ href, children }: { href: string | null; children: ComponentChildren }) {
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    children
  );
}

export const ADD_MORE =
  'Add other outlets’ articles with “Add this page to the corpus” on their pages, or import a file on the options page.';

/** Take the reader to a highlight on the page: an actor by its id, a figure or quote by its annotation's id. */
export type Reveal = (kind: 'actor' | 'figure' | 'quote', id: string) => Promise<boolean>;

/** A button that takes the reader to the highlight on the page (selected, scrolled to, its card open). */
export function ShowOnPage({ reveal, kind, id }: { reveal?: Reveal; kind: 'actor' | 'figure' | 'quote'; id: string }) {
  const [missing, setMissing] = useState(false);
  if (!reveal) return null;
  return (
    <>
      <button type="button" class="link" onClick={() => void reveal(kind, id).then((shown) => setMissing(!shown))}>
        Show on the page
      </button>
      {missing && (
        <span class="muted" role="status">
          {' '}
          Not highlighted on the page now (switched off, or the page changed).
        </span>
      )}
    </>
  );
}
