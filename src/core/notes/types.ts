/**
 * A reader's own annotations ("notes"): a note, tags and a stance on a detected highlight or
 * on any text they selected. The background stores them (Dexie, keyed by `id`); the core
 * anchors them again on later visits and writes and reads them in the export formats.
 */

export type Stance = 'verified' | 'disputed' | 'follow-up';
export const STANCES: readonly Stance[] = ['verified', 'disputed', 'follow-up'];

/** W3C Web Annotation motivations for the reader's own annotations. */
export type NoteMotivation = 'commenting' | 'tagging' | 'highlighting';

/**
 * Where a note is attached, in the article text as the content script reads it (block
 * elements separated by blank lines): the quoted text with some context either side, and
 * its position in UTF-16 offsets (exports convert to code points).
 */
export interface NoteTarget {
  exact: string;
  /** Up to 32 characters before `exact` (fewer at the start of the text). */
  prefix: string;
  /** Up to 32 characters after `exact`. */
  suffix: string;
  start: number;
  end: number;
}

export interface Note {
  /** Stable id ("n-" and 16 hex digits, or "hypothesis:" and Hypothesis's id): importing the same note twice stores it once. */
  id: string;
  /** The article's id in the corpus (from its canonical URL): the same article reached through another URL shows the note too. */
  articleId: string;
  canonicalUrl: string | null;
  /** The URL the note was made on. */
  url: string;
  /** The article's headline or the page title then. */
  title: string | null;
  target: NoteTarget;
  /** fnv1a64 (src/core/corpus/content-hash.ts) of `target.exact`, and of the whole article text when the note was made. */
  quoteHash: string;
  textHash: string;
  /** The detected highlight the note was made on, if any: its kind and its id (actor id, or the annotation id). */
  highlight: { kind: 'actor' | 'figure' | 'quote'; id: string } | null;
  /** The note's text (may be empty for a bare highlight or tags only). */
  note: string;
  tags: string[];
  stance: Stance | null;
  motivation: NoteMotivation;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
}

/** A note found again on a later visit. */
export type Anchoring =
  /** At the same text: `changed` is null. Found by fuzzy matching: `changed` has the old and the new wording. */
  | { state: 'anchored'; start: number; end: number; changed: { before: string; after: string } | null }
  /** Not found: listed with its quote, never dropped. */
  | { state: 'orphan' };
