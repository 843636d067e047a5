/**
 * A reader's own annotations ("notes"): a note, tags and a stance on a detected highlight or
 * on any text they selected. The background stores them (Dexie, keyed by `id`); the core
 * anchors them again on later visits and writes and reads them in the export formats.
 */
import type { Note } from './schema';

export type { Note };

export type Stance = 'verified' | 'disputed' | 'follow-up';
export const STANCES: readonly Stance[] = ['verified', 'disputed', 'follow-up'];

/** W3C Web Annotation motivations for the reader's own annotations. */
export type NoteMotivation = 'commenting' | 'tagging' | 'highlighting';

/** Where a note is attached (see the schema). */
export type NoteTarget = Note['target'];

/** A note found again on a later visit. */
export type Anchoring =
  /** At the same text: `changed` is null. Found by fuzzy matching: `changed` has the old and the new wording. */
  | { state: 'anchored'; start: number; end: number; changed: { before: string; after: string } | null }
  /** Not found: listed with its quote, never dropped. */
  | { state: 'orphan' };
