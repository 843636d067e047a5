import { h } from 'preact';
import type { Note } from '../core/notes/types';
import type { Annotation } from '../core/types';
import type { Ask } from '../shared/ask';
import { CONFIRM_CLASS } from '../shared/ui/ConfirmPrompt';
import { Card, type CardData } from './card/Card';
import { CARD_CSS } from './card/card-css';
import { lookUp, type PageFacts } from './card/look-up';
import { NoteForm, type NoteFields } from './card/NoteForm';
import { NotesSection } from './card/NotesSection';
import { placeCard } from './card/place';
import { ShadowHost } from './card/shadow-host';
import { MARK_TAG } from './highlighter';
import type { NoteSpot, PageNotes } from './page-notes';
import { selectionSpot } from './selection-spot';

export type { PageFacts };

const OPEN_DELAY = 150;
const CLOSE_DELAY = 300;
const CARD_ID = 'crosswire-card';

/** What the content script can do with cards once they are attached. */
export interface Cards {
  /** The notes arrived: cards show them, and note highlights open cards too. */
  setNotes(notes: PageNotes): void;
  /** Open the note form on the reader's selection (context menu, shortcut); false when there is none in the article. */
  noteOnSelection(): boolean;
}

const spotOf = (a: Annotation): NoteSpot => ({
  start: a.start,
  end: a.end,
  highlight: { kind: a.kind, id: a.kind === 'actor' ? (a.actorId ?? a.id) : a.id },
});

/**
 * Hover or keyboard focus on a highlight opens its card; leaving both the highlight and the
 * card, or Escape, closes it. A card shows the reader's notes on the highlight and takes new
 * ones; a selection in the article gets a small "Add a note" button. While a note is being
 * written the card stays open. One shadow-rooted host holds it all; the signal removes it
 * and every listener.
 */
export function attachCards(
  root: Element,
  annotationOf: WeakMap<Element, Annotation>,
  ask: Ask,
  page: PageFacts,
  signal: AbortSignal,
): Cards {
  const doc = root.ownerDocument;
  // Created on the first card, so a page nobody hovers carries nothing of ours but highlights.
  let shadow: ShadowHost | null = null;
  const host = {
    get: () => (shadow ??= new ShadowHost(doc, CARD_CSS)),
    contains: (target: EventTarget | null) => shadow?.contains(target) ?? false,
  };
  signal.addEventListener('abort', () => shadow?.destroy(), { once: true });
  let notes: PageNotes | null = null;
  let current: Element | null = null;
  let pinned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  /** The highlight Escape just closed: focus goes back to it without reopening its card. */
  let dismissed: Element | null = null;

  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(MARK_TAG) : null);
  const opens = (mark: Element | null): mark is Element =>
    !!mark && (annotationOf.has(mark) || !!notes?.noteOf.has(mark));
  const later = (f: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };

  const close = () => {
    clearTimeout(timer);
    current?.removeAttribute('aria-describedby');
    current = null;
    pinned = false;
    generation++;
    shadow?.render(null);
  };

  const place = (rect: DOMRect) => {
    const view = doc.defaultView!;
    const { left, top } = placeCard(
      rect,
      { width: 380, height: 380 },
      { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY },
    );
    host.get().place(left, top);
  };

  /** The note form for a spot, new or editing `existing`; the card stays until it is saved or cancelled. */
  const form = (rect: DOMRect, spot: NoteSpot, quote: string, existing?: Note, error: string | null = null) => {
    if (!notes) return;
    const pageNotes = notes;
    pinned = true;
    const mine = ++generation;
    const done = (r: { ok: true } | { ok: false; error: string }) => {
      if (mine !== generation) return;
      if (r.ok) return close();
      form(rect, spot, quote, existing, r.error);
    };
    const save = (fields: NoteFields) =>
      void (existing ? pageNotes.update(existing, fields) : pageNotes.add(spot, fields)).then(done);
    const remove = existing ? () => void pageNotes.remove(existing).then(done) : undefined;
    host.get().render(
      h(NoteForm, {
        quote,
        ...(existing && { initial: existing }),
        onSave: save,
        onCancel: close,
        ...(remove && { onDelete: remove }),
        error,
      }),
    );
    place(rect);
  };

  const open = (mark: Element) => {
    if (mark === current || pinned) return;
    const annotation = annotationOf.get(mark);
    const note = notes?.noteOf.get(mark);
    if (!annotation && !note) return;
    current = mark;
    mark.setAttribute('aria-describedby', CARD_ID);
    const mine = ++generation;
    const rect = () => mark.getBoundingClientRect();
    if (note) {
      const shown = notes!.shown(note);
      host.get().render(
        h(
          'div',
          { class: 'card', role: 'dialog', id: CARD_ID, 'aria-label': 'Crosswire: your note' },
          h('p', { class: 'title' }, 'Your note'),
          h('p', { class: 'quote' }, note.target.exact),
          h(NotesSection, {
            notes: shown ? [shown] : [],
            onEdit: (n: Note) => form(rect(), { start: 0, end: 0, highlight: n.highlight }, n.target.exact, n),
          }),
        ),
      );
      return place(rect());
    }
    const a = annotation!;
    const show = (data: CardData) => {
      if (mine !== generation) return; // another card opened meanwhile
      const section =
        notes &&
        h(NotesSection, {
          notes: notes.notesOn(spotOf(a)),
          onAdd: () => form(rect(), spotOf(a), a.text),
          onEdit: (n: Note) => form(rect(), spotOf(a), n.target.exact, n),
        });
      host.get().render(h(Card, { annotation: a, data, id: CARD_ID }, section));
      place(rect());
    };
    show({ state: 'loading' });
    void lookUp(a, ask, page).then(show);
  };

  const noteOnSelection = (): boolean => {
    if (!notes) return false;
    const spot = selectionSpot(doc, root);
    if (spot) {
      close();
      form(spot.rect, { start: spot.start, end: spot.end, highlight: null }, spot.quote);
      return true;
    }
    // No selection: a note on the highlight that has the keyboard focus, if any.
    const focused = markOf(doc.activeElement);
    const annotation = focused && annotationOf.get(focused);
    if (!annotation) return false;
    close();
    form(focused.getBoundingClientRect(), spotOf(annotation), annotation.text);
    return true;
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, f: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, f, { signal, capture: true });
  listen('mouseover', (e) => {
    if (pinned) return;
    const mark = markOf(e.target);
    if (opens(mark)) later(() => open(mark), OPEN_DELAY);
    else if (host.contains(e.target)) clearTimeout(timer);
    else if (current) later(close, CLOSE_DELAY);
  });
  listen('focusin', (e) => {
    if (pinned) return;
    const mark = markOf(e.target);
    if (mark && mark === dismissed) dismissed = null;
    else if (opens(mark)) open(mark);
    else if (!host.contains(e.target) && current) later(close, CLOSE_DELAY);
  });
  listen('keydown', (e) => {
    // Enter on a highlight whose card is open takes the keyboard into the card (its links and buttons).
    if (e.key === 'Enter' && current && markOf(e.target) === current && shadow?.focusFirst()) {
      e.preventDefault();
      return;
    }
    if (e.key !== 'Escape' || (!current && !pinned)) return;
    // A confirmation prompt in the card takes its own Escape: it cancels the prompt, not the card.
    if (shadow?.focusIsIn(`.${CONFIRM_CLASS}`)) return;
    const mark = current;
    close();
    // Focus returns to the highlight (a hovered one gets it now; a focused one keeps it, and
    // no focusin comes), without reopening its card.
    if (mark && doc.activeElement !== mark) {
      dismissed = mark;
      (mark as HTMLElement).focus();
    }
  });
  // A selection in the article offers a note: a small button by its end.
  listen('mouseup', (e) => {
    if (pinned || host.contains(e.target) || !notes) return;
    setTimeout(() => {
      const spot = selectionSpot(doc, root);
      if (!spot || pinned) return;
      current = null;
      generation++;
      host
        .get()
        .render(h('button', { type: 'button', class: 'note-button', onClick: () => noteOnSelection() }, 'Add a note'));
      const r = spot.rect;
      host.get().place(r.right + (doc.defaultView?.scrollX ?? 0) + 4, r.bottom + (doc.defaultView?.scrollY ?? 0) + 4);
    }, 0);
  });

  return {
    setNotes: (n) => void (notes = n),
    noteOnSelection,
  };
}
