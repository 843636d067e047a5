import { h } from 'preact';
import type { Note } from '../core/notes/types';
import type { Annotation, FigureAnnotation } from '../core/types';
import type { Ask } from '../shared/ask';
import { CONFIRM_CLASS } from '../shared/ui/ConfirmPrompt';
import { Card, type CardData } from './card/Card';
import { CARD_CSS, CONTROL_CSS } from './card/card-css';
import { type ClosedControl, closedControl } from './card/closed-control';
import { HighlightList, type ListEntry } from './card/HighlightList';
import { lookUp, type PageFacts } from './card/look-up';
import { NoteForm, type NoteFields } from './card/NoteForm';
import { NotesSection } from './card/NotesSection';
import { placeCard } from './card/place';
import { ShadowHost } from './card/shadow-host';
import { highlightAt } from './hit-test';
import { markLabel } from './mark-label';
import { annotationOf, type Highlighted, noteOf, type Target } from './page-highlights';
import type { NoteSpot, PageNotes } from './page-notes';
import type { Painter } from './painter';
import { selectionSpot } from './selection-spot';

export type { PageFacts };

const OPEN_DELAY = 150;
const CLOSE_DELAY = 300;
const CARD_ID = 'crosswire-card';
/** How often we check that a page script has not emptied the highlight registry, besides on every pointer move. */
const RESTORE_EVERY_MS = 1000;
const PAGE_STEP = 10;

/** What the content script can do with cards once they are attached. */
export interface Cards {
  /** The notes arrived: cards show them, and note highlights open cards too. */
  setNotes(notes: PageNotes): void;
  /** Open the note form on the reader's selection (context menu, shortcut); false when there is none in the article. */
  noteOnSelection(): boolean;
  /** Highlights were painted or erased since (late text, a paragraph the page changed). */
  refresh(): void;
  /** Take the reader to a detection (the popup asks; an actor by id, else by annotation id): selected in the list, scrolled to, its card open. */
  reveal(kind: 'actor' | 'figure' | 'quote', id: string): boolean;
}

const spotOf = (a: Annotation): NoteSpot => ({
  start: a.start,
  end: a.end,
  highlight: { kind: a.kind, id: a.kind === 'actor' ? (a.actorId ?? a.id) : a.id },
});

const GROUPS: Record<Highlighted['kind'], string> = {
  actor: 'Actors',
  figure: 'Figures',
  quote: 'Quotes',
  note: 'Your notes',
};
const GROUP_ORDER = Object.keys(GROUPS);

const clipped = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** How the list names a highlight: its words, and what it is. */
function labelOf(item: Highlighted): string {
  const a = annotationOf(item);
  if (a) return a.kind === 'quote' ? `“${clipped(a.text)}” (${markLabel(a)})` : `${a.text}: ${markLabel(a)}`;
  const note = noteOf(item)!;
  return `“${clipped(note.target.exact)}” (your note${note.note ? `: ${clipped(note.note, 60)}` : ''})`;
}

/** Document order of two highlights; ranges in different trees (a shadow root) keep their order. */
function byPosition(a: Highlighted, b: Highlighted): number {
  try {
    return a.ranges[0]!.compareBoundaryPoints(Range.START_TO_START, b.ranges[0]!);
  } catch {
    return 0;
  }
}

/**
 * Cards for painted highlights. A pointer resting on a highlight (hit-tested from its
 * position, once a frame) opens its card; leaving both the highlight and the card, or
 * Escape, closes it. A click or a tap opens it at once; nothing opens while the reader drags
 * a selection, which offers a small "Add a note" button instead. The keyboard way in is one
 * control in our shadow root: it lists the page's highlights by kind, and the selected one is
 * painted as focused, scrolled to and its card opened. A card shows the reader's notes on its
 * highlight and takes new ones; while a note is being written the card stays open. One
 * shadow-rooted host holds it all; the signal removes it and every listener.
 */
export function attachCards(
  root: Element,
  painter: Painter<Target>,
  ask: Ask,
  page: PageFacts,
  signal: AbortSignal,
): Cards {
  const doc = root.ownerDocument;
  const view = doc.defaultView!;
  // Made at once: the list control in it is the keyboard's way in from the start.
  const shadow = new ShadowHost(doc, CONTROL_CSS, CARD_CSS);
  signal.addEventListener('abort', () => shadow.destroy(), { once: true });
  let notes: PageNotes | null = null;
  let current: Highlighted | null = null;
  let pinned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let dragging = false;
  let lastInput: 'keyboard' | 'pointer' = 'pointer';
  /** The page element that had the focus before our control took it: Escape gives it back. */
  let returnFocus: Element | null = null;
  let outside: Element | null = null;
  let inOurs = false;
  const list = { open: false, active: 0, items: [] as Highlighted[], entries: [] as ListEntry[], focus: false };

  const later = (f: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };

  const onOpen = () => (list.open ? closeList(false) : openList());
  const listProps = (count: number) => ({
    count,
    entries: list.entries,
    open: list.open,
    active: list.active,
    focusActive: list.focus,
    onOpen,
    onKey: listKey,
    onPick: (i: number) => select(i),
  });
  /** The control as built by hand, until the list first opens (closed-control.ts); then Preact's. */
  let closed: ClosedControl | null = null;
  const renderList = () => {
    const count = list.open ? list.items.length : painter.all().length;
    if (closed && !list.open) closed.update(count);
    else {
      if (closed) {
        closed.release();
        shadow.adoptControl(h(HighlightList, { ...listProps(closed.count), entries: [], open: false }));
        closed = null;
      }
      shadow.renderControl(h(HighlightList, listProps(count)));
    }
    list.focus = false;
  };

  const close = () => {
    clearTimeout(timer);
    current = null;
    pinned = false;
    generation++;
    shadow.render(null);
  };

  const rectOf = (item: Highlighted) => item.ranges[0]!.getBoundingClientRect();

  const place = (rect: DOMRect) => {
    const { left, top } = placeCard(
      rect,
      { width: 380, height: 380 },
      { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY },
    );
    shadow.place(left, top);
  };

  /** After a note is saved or given up: back to the list's option when the keyboard got there, else nowhere. */
  const afterForm = (item: Highlighted | null) => {
    close();
    if (lastInput !== 'keyboard') return;
    openList(item);
  };

  /** The note form for a spot, new or editing `existing`; the card stays until it is saved or cancelled. */
  const form = (
    rect: DOMRect,
    spot: NoteSpot,
    quote: string,
    existing?: Note,
    error: string | null = null,
    item: Highlighted | null = null,
  ) => {
    if (!notes) return;
    const pageNotes = notes;
    pinned = true;
    const mine = ++generation;
    const done = (r: { ok: true; value?: Note | { id: string } } | { ok: false; error: string }) => {
      if (mine !== generation) return;
      if (!r.ok) return form(rect, spot, quote, existing, r.error, item);
      // A new note on a selection is its own highlight now: focus goes to it.
      const added = r.value && 'target' in r.value ? pageNotes.itemOf(r.value.id) : null;
      afterForm(item ?? added);
    };
    const save = (fields: NoteFields) =>
      void (existing ? pageNotes.update(existing, fields) : pageNotes.add(spot, fields)).then(done);
    const remove = existing ? () => void pageNotes.remove(existing).then(done) : undefined;
    shadow.render(
      h(NoteForm, {
        quote,
        ...(existing && { initial: existing }),
        onSave: save,
        onCancel: () => afterForm(item),
        ...(remove && { onDelete: remove }),
        error,
      }),
    );
    place(rect);
  };

  const open = (item: Highlighted) => {
    if (item === current || pinned) return;
    current = item;
    const mine = ++generation;
    const note = noteOf(item);
    if (note) {
      const shown = notes?.shown(note);
      shadow.render(
        h(
          'div',
          { class: 'card', role: 'dialog', id: CARD_ID, 'aria-label': 'Crosswire: your note' },
          h('p', { class: 'title' }, 'Your note'),
          h('p', { class: 'quote' }, note.target.exact),
          h(NotesSection, {
            notes: shown ? [shown] : [],
            onEdit: (n: Note) =>
              form(rectOf(item), { start: 0, end: 0, highlight: n.highlight }, n.target.exact, n, null, item),
          }),
        ),
      );
      return place(rectOf(item));
    }
    const a = annotationOf(item)!;
    const show = (data: CardData) => {
      if (mine !== generation) return; // another card opened meanwhile
      const section =
        notes &&
        h(NotesSection, {
          notes: notes.notesOn(spotOf(a)),
          onAdd: () => form(rectOf(item), spotOf(a), a.text, undefined, null, item),
          onEdit: (n: Note) => form(rectOf(item), spotOf(a), n.target.exact, n, null, item),
        });
      shadow.render(h(Card, { annotation: a, data, id: CARD_ID }, section));
      place(rectOf(item));
    };
    show({ state: 'loading' });
    void lookUp(a, ask, page, pageFigures()).then(show);
  };

  const pageFigures = () =>
    painter
      .all()
      .map(annotationOf)
      .filter((f): f is FigureAnnotation => f?.kind === 'figure');

  /** The page's highlights in list order: by kind, then where they are in the page (gone ones left out). */
  const listed = () =>
    painter
      .all()
      .filter((item) => item.ranges.some((r) => !r.collapsed && r.startContainer.isConnected))
      .sort((a, b) => GROUP_ORDER.indexOf(a.kind) - GROUP_ORDER.indexOf(b.kind) || byPosition(a, b));

  const openList = (at: Highlighted | null = current) => {
    list.items = listed();
    list.entries = list.items.map((item, i) => ({ key: String(i), group: GROUPS[item.kind], label: labelOf(item) }));
    list.open = true;
    const index = at ? list.items.indexOf(at) : -1;
    if (list.items.length) select(Math.max(0, index));
    else renderList();
  };

  const closeList = (giveBack: boolean) => {
    list.open = false;
    list.items = [];
    list.entries = [];
    painter.focus(null);
    close();
    renderList();
    if (!giveBack) return;
    if (returnFocus?.isConnected) (returnFocus as HTMLElement).focus?.();
    else (doc.activeElement as HTMLElement | null)?.blur?.();
  };

  /** Select an option: its highlight painted as focused, scrolled into view, its card open. */
  const select = (index: number) => {
    const item = list.items[index];
    if (!item) return;
    list.active = index;
    list.focus = true;
    painter.focus(item);
    const rect = rectOf(item);
    if (rect.top < 0 || rect.bottom > view.innerHeight)
      view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
    current = null;
    pinned = false;
    open(item);
    renderList();
  };

  const listKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: list.active + 1,
      ArrowUp: list.active - 1,
      PageDown: list.active + PAGE_STEP,
      PageUp: list.active - PAGE_STEP,
      Home: 0,
      End: list.items.length - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) select(Math.max(0, Math.min(list.items.length - 1, to)));
    // Enter takes the keyboard into the selected highlight's card (its links and buttons).
    else if (e.key === 'Enter') shadow.focusFirst();
    else if (e.key === 'Escape') closeList(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const noteOnSelection = (): boolean => {
    if (!notes) return false;
    const spot = selectionSpot(doc, root);
    if (spot) {
      close();
      form(spot.rect, { start: spot.start, end: spot.end, highlight: null }, spot.quote);
      return true;
    }
    // No selection: a note on the highlight the keyboard list has selected, if any.
    const item = list.open ? list.items[list.active] : null;
    const annotation = annotationOf(item ?? null);
    if (!item || !annotation) return false;
    close();
    form(rectOf(item), spotOf(annotation), annotation.text, undefined, null, item);
    return true;
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, f: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, f, { signal, capture: true, passive: type !== 'keydown' });
  const ours = (target: EventTarget | null) => shadow.contains(target);

  // Hover: hit-test the pointer's last position once a frame, not on every event.
  let pointer: { x: number; y: number } | null = null;
  let frame = 0;
  const onFrame = () => {
    frame = 0;
    if (!pointer || pinned || dragging) return;
    painter.restore();
    const item = highlightAt(doc, painter, pointer.x, pointer.y);
    if (item && item === current) clearTimeout(timer);
    else if (item) later(() => open(item), OPEN_DELAY);
    else if (current && !list.open) later(close, CLOSE_DELAY);
  };
  listen('pointermove', (e) => {
    if (e.pointerType === 'touch' || pinned || dragging) return;
    if (ours(e.target)) {
      pointer = null;
      clearTimeout(timer);
      return;
    }
    pointer = { x: e.clientX, y: e.clientY };
    if (!frame) frame = view.requestAnimationFrame(onFrame);
  });
  listen('pointerdown', (e) => {
    lastInput = 'pointer';
    if (ours(e.target) || e.button !== 0) return;
    // A drag may be a selection starting on a highlight: no card opens until it ends.
    dragging = true;
    clearTimeout(timer);
  });
  // A click or a tap on a highlight opens its card at once; elsewhere, it closes a hover card.
  listen('click', (e) => {
    if (ours(e.target) || pinned || !doc.getSelection()?.isCollapsed) return;
    const item = highlightAt(doc, painter, e.clientX, e.clientY);
    if (item) {
      clearTimeout(timer);
      open(item);
    } else if (current && !list.open) close();
  });
  listen('focusin', (e) => {
    if (ours(e.target)) {
      if (!inOurs) returnFocus = outside;
      inOurs = true;
      return;
    }
    inOurs = false;
    outside = e.target as Element;
    if (list.open && !pinned) closeList(false);
  });
  listen('keydown', (e) => {
    lastInput = 'keyboard';
    if (e.key !== 'Escape' || (!current && !pinned)) return;
    // A confirmation prompt in the card takes its own Escape: it cancels the prompt, not the card.
    if (shadow.focusIsIn(`.${CONFIRM_CLASS}`)) return;
    // The list takes its own Escape.
    if (list.open && shadow.focusIsIn('.list-panel')) return;
    close();
    // From a card the list opened, back to the list's option.
    if (list.open) {
      list.focus = true;
      renderList();
    }
  });
  // A selection in the article offers a note: a small button by its end.
  listen('pointerup', (e) => {
    dragging = false;
    if (pinned || ours(e.target) || !notes) return;
    setTimeout(() => {
      const spot = selectionSpot(doc, root);
      if (!spot || pinned) return;
      current = null;
      generation++;
      shadow.render(
        h('button', { type: 'button', class: 'note-button', onClick: () => noteOnSelection() }, 'Add a note'),
      );
      const r = spot.rect;
      shadow.place(r.right + view.scrollX + 4, r.bottom + view.scrollY + 4);
    }, 0);
  });
  // A page may empty CSS.highlights (or take our names): ours go back within a second.
  const restoring = setInterval(() => painter.restore(), RESTORE_EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(restoring), { once: true });
  view.addEventListener('scroll', () => painter.restore(), { signal, passive: true });

  // The keyboard's way in is there as soon as the highlights are.
  closed = shadow.buildControl((mount) => closedControl(mount, painter.all().length, onOpen));
  return {
    setNotes: (n) => {
      notes = n;
      renderList();
    },
    noteOnSelection,
    refresh: () => (list.open ? openList(list.items[list.active] ?? null) : renderList()),
    reveal: (kind, id) => {
      const matches = (a: Annotation | null) =>
        a?.kind === kind && (a.kind === 'actor' ? a.actorId === id : a.id === id);
      // The first in the page: the list order is the page's order.
      const item = listed().find((i) => matches(annotationOf(i)));
      if (!item) return false;
      openList(item);
      return true;
    },
  };
}
