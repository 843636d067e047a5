import Dexie from 'dexie';
import type { Note } from '../core/notes/types';
import type { NoteFilter, Result } from '../messages';
import type { CorpusDb } from './db';
import { isQuotaError } from './storage-errors';

/** Store a note, or replace the one with its id (an edit). */
export async function saveNote(db: CorpusDb, note: Note): Promise<Result<{ id: string }>> {
  try {
    await db.notes.put(note);
    return { ok: true, value: { id: note.id } };
  } catch (error) {
    return { ok: false, error: storageError('the note was not saved', error) };
  }
}

export async function deleteNote(db: CorpusDb, id: string): Promise<Result<{ id: string }>> {
  const found = await db.notes.get(id);
  if (!found) return { ok: false, error: `no note ${id}` };
  await db.notes.delete(id);
  return { ok: true, value: { id } };
}

/** An article's notes, oldest first. */
export async function notesFor(db: CorpusDb, articleId: string): Promise<Note[]> {
  return (await db.notes.where('articleId').equals(articleId).toArray()).sort(
    (a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id),
  );
}

/** The notes an export filter selects, oldest first. */
export async function listNotes(db: CorpusDb, filter: NoteFilter = {}): Promise<Note[]> {
  let notes = filter.tag ? await db.notes.where('tags').equals(filter.tag).toArray() : await db.notes.toArray();
  if (filter.site) {
    const site = filter.site.toLowerCase().replace(/^www\./, '');
    notes = notes.filter((n) => hostOf(n.url) === site || hostOf(n.url).endsWith(`.${site}`));
  }
  if (filter.from) notes = notes.filter((n) => n.created.slice(0, 10) >= filter.from!);
  if (filter.to) notes = notes.filter((n) => n.created.slice(0, 10) <= filter.to!);
  if (filter.actorId) {
    const naming = new Set(
      (await db.articleIndex
        .where('actorKeys')
        .between([filter.actorId, Dexie.minKey, Dexie.minKey], [filter.actorId, Dexie.maxKey, Dexie.maxKey])
        .primaryKeys()) as string[],
    );
    notes = notes.filter(
      (n) => (n.highlight?.kind === 'actor' && n.highlight.id === filter.actorId) || naming.has(n.articleId),
    );
  }
  return notes.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
};

/**
 * Store imported notes in one transaction: all or none. Notes already stored (same id) are
 * skipped, so importing a file twice adds nothing the second time.
 */
export async function importNotes(
  db: CorpusDb,
  notes: readonly Note[],
): Promise<Result<{ added: number; skipped: number }>> {
  try {
    return await db.transaction('rw', db.notes, async () => {
      const existing = new Set((await db.notes.bulkGet(notes.map((n) => n.id))).filter(Boolean).map((n) => n!.id));
      const fresh = [...new Map(notes.filter((n) => !existing.has(n.id)).map((n) => [n.id, n])).values()];
      await db.notes.bulkAdd(fresh);
      return { ok: true as const, value: { added: fresh.length, skipped: notes.length - fresh.length } };
    });
  } catch (error) {
    return { ok: false, error: storageError('nothing was imported', error) };
  }
}

/** What a storage failure means for the reader, with the browser's reason. */
export function storageError(consequence: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (isQuotaError(error))
    return `${consequence}: the browser's storage for Crosswire is full (${reason}). Remove articles on the options page, or free disk space.`;
  return `${consequence}: ${reason}`;
}
