/**
 * Requests both a content script and our own pages may send: questions about the corpus
 * for the cards and the popup's views, the settings, and the reader's notes.
 */
import * as v from 'valibot';
import { NoteSchema } from '../core/notes/schema';
import { request } from './check';
import { FigureQuerySchema, id, text } from './values';

export const SHARED_REQUESTS = [
  request('ping', {}),
  /** Which other outlets named an actor, and how. */
  request('mentions-of', { actorId: id, excludeArticleId: v.optional(id) }),
  /** Each other outlet's value for a figure, with the verdict. */
  request('figures-like', { figure: FigureQuerySchema, excludeArticleId: v.optional(id) }),
  /** Where a quote appears again, verbatim or reworded. */
  request('quotes-like', { text: text(20_000), excludeArticleId: v.optional(id) }),
  request('get-settings', {}),
  /** Store a note, or replace the one with its id (an edit). */
  request('save-note', { note: NoteSchema }),
  request('delete-note', { id }),
  /** An article's notes (by its id). */
  request('notes-for', { articleId: id }),
] as const;
