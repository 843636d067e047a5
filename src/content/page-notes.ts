import { fnv1a64 } from '../core/corpus/content-hash';
import { anchorNote, targetFor } from '../core/notes/anchor';
import type { Note } from '../core/notes/types';
import { motivationOf } from '../core/notes/validate';
import type { Result } from '../messages';
import type { Ask } from '../shared/ask';
import type { NoteFields } from './card/NoteForm';
import type { ShownNote } from './card/NotesSection';
import type { Target } from './page-highlights';
import type { Painted, Painter } from './painter';
import { segmentsFor, type TextMap } from './text-map';

/** The page as notes are keyed and anchored: its corpus id and URLs, and the text the content script read. */
export interface NotePage {
  articleId: string;
  canonicalUrl: string | null;
  url: string;
  title: string | null;
  text: string;
}

/** A span of the page's text a note is on, and the detected highlight it was made on, if any. */
export interface NoteSpot {
  start: number;
  end: number;
  highlight: Note['highlight'];
}

interface Placed extends ShownNote {
  start: number;
  end: number;
  /** Its highlight, or null when none of its text is in the page now. */
  item: Painted<Target> | null;
}

const randomId = () =>
  `n-${[...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * The reader's notes on this page: fetched from the background, anchored again in the text
 * (fuzzily when the page changed; those that cannot be placed stay listed as orphans) and
 * painted with the same painter as the detections, so turning Crosswire off removes them too.
 */
export class PageNotes {
  readonly orphans: Note[] = [];
  private readonly placed = new Map<string, Placed>();
  private hash: string | null = null;

  constructor(
    private readonly map: TextMap,
    private readonly painter: Painter<Target>,
    private readonly ask: Ask,
    private readonly page: NotePage,
  ) {}

  /** The article text's hash, computed when a note needs it: a page without notes (most) never pays for it. */
  private get textHash(): string {
    return (this.hash ??= fnv1a64(this.page.text));
  }

  /** Fetch this article's notes and put each where its text is now (`placing` runs that: the content script times it). */
  async load(placing: (work: () => void) => void = (work) => work()): Promise<void> {
    const r = await this.ask({ type: 'notes-for', articleId: this.page.articleId });
    if (r.ok) placing(() => r.value.forEach((note) => this.place(note)));
  }

  /** The notes on a span (a detection's): made on it, or overlapping it. */
  notesOn(spot: NoteSpot): ShownNote[] {
    return [...this.placed.values()].filter(
      (p) =>
        (spot.highlight &&
          p.note.highlight?.kind === spot.highlight.kind &&
          p.note.highlight.id === spot.highlight.id &&
          p.start < spot.end &&
          spot.start < p.end) ||
        (p.start < spot.end && spot.start < p.end),
    );
  }

  shown(note: Note): ShownNote | null {
    return this.placed.get(note.id) ?? null;
  }

  /** The highlight a note is painted as, if it is in the page. */
  itemOf(noteId: string): Painted<Target> | null {
    return this.placed.get(noteId)?.item ?? null;
  }

  /** A new note on a span, stored by the background, then marked. */
  async add(spot: NoteSpot, fields: NoteFields): Promise<Result<Note>> {
    const now = new Date().toISOString();
    const target = targetFor(this.page.text, spot.start, spot.end);
    const note: Note = {
      id: randomId(),
      articleId: this.page.articleId,
      canonicalUrl: this.page.canonicalUrl,
      url: this.page.url,
      title: this.page.title,
      target,
      quoteHash: fnv1a64(target.exact),
      textHash: this.textHash,
      highlight: spot.highlight,
      ...fields,
      motivation: motivationOf(fields.note, fields.tags),
      created: now,
      modified: now,
    };
    const saved = await this.ask({ type: 'save-note', note });
    if (!saved.ok) return saved;
    this.place(note);
    return { ok: true, value: note };
  }

  /** An edit: same id, new fields and modification time. */
  async update(note: Note, fields: NoteFields): Promise<Result<Note>> {
    const next: Note = {
      ...note,
      ...fields,
      motivation: motivationOf(fields.note, fields.tags),
      modified: new Date().toISOString(),
    };
    const saved = await this.ask({ type: 'save-note', note: next });
    if (!saved.ok) return saved;
    const p = this.placed.get(note.id);
    if (p) {
      p.note = next;
      if (p.item) p.item.data = { note: next };
    }
    return { ok: true, value: next };
  }

  async remove(note: Note): Promise<Result<{ id: string }>> {
    const r = await this.ask({ type: 'delete-note', id: note.id });
    if (!r.ok) return r;
    const p = this.placed.get(note.id);
    if (p?.item) this.painter.erase([p.item]);
    this.placed.delete(note.id);
    return r;
  }

  private place(note: Note): void {
    const at = anchorNote(this.page.text, note.target);
    if (at.state === 'orphan') {
      this.orphans.push(note);
      return;
    }
    const item = this.painter.paint(segmentsFor(this.map, at.start, at.end), 'note', { note });
    this.placed.set(note.id, {
      note,
      changed: at.changed,
      textChanged: note.textHash !== '' && note.textHash !== this.textHash,
      start: at.start,
      end: at.end,
      item,
    });
  }
}
