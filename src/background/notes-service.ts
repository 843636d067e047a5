import { backupHeader } from '../core/notes/backup';
import { notesToCsv } from '../core/notes/csv';
import { parseAnnotationFile } from '../core/notes/import-notes';
import { LIMITS } from '../core/notes/validate';
import type { Note } from '../core/notes/types';
import { notesToWebAnnotation } from '../core/notes/web-annotation';
import type { ExportFile, ExportFormat, NoteFilter, NotesImportReport, Result } from '../messages';
import type { CorpusApi } from './corpus-service';
import type { CorpusDb } from './db';
import { originCount } from './corpus-counts';
import { deleteNote, importNotes, listNotes, notesFor, saveNote } from './notes-store';

/** The reader's notes as the message handler sees them. */
export interface NotesApi {
  save(note: Note): Promise<Result<{ id: string }>>;
  delete(id: string): Promise<Result<{ id: string }>>;
  notesFor(articleId: string): Promise<Note[]>;
  exportNotes(format: ExportFormat, filter?: NoteFilter): Promise<Result<ExportFile>>;
  importNotes(data: string): Promise<Result<NotesImportReport>>;
}

const MIME: Record<ExportFormat, string> = {
  jsonld: 'application/ld+json',
  csv: 'text/csv',
  backup: 'application/x-ndjson',
};
const EXTENSION: Record<ExportFormat, string> = { jsonld: 'jsonld', csv: 'csv', backup: 'jsonl' };

/** Notes over the database; `now` is injected so exports are reproducible in tests. */
export function notesService(
  db: CorpusDb,
  ready: Promise<unknown>,
  corpus: CorpusApi,
  now: () => Date = () => new Date(),
): NotesApi {
  const after = <T>(f: () => Promise<T>) => ready.then(f);
  return {
    save: (note) => after(() => saveNote(db, note)),
    delete: (id) => after(() => deleteNote(db, id)),
    notesFor: (articleId) => after(() => notesFor(db, articleId)),
    exportNotes: (format, filter) =>
      after(async (): Promise<Result<ExportFile>> => {
        const at = now();
        const day = at.toISOString().slice(0, 10);
        const notes = await listNotes(db, filter);
        const filename = `crosswire-${format === 'backup' ? 'backup' : 'notes'}-${day}.${EXTENSION[format]}`;
        let data: string;
        if (format === 'jsonld') data = `${JSON.stringify(notesToWebAnnotation(notes, { now: at }), null, 1)}\n`;
        else if (format === 'csv') data = notesToCsv(notes);
        // A backup holds everything, whatever the filter: every note and the settings here, in
        // its header line; the options page adds the reader's articles after it, page by page
        // (export-articles), and sets the header's count of them (core/notes/backup.ts).
        else {
          const notes = await listNotes(db);
          const articles = await originCount(db, 'user');
          data = `${backupHeader({ notes, settings: await corpus.settings(), articles }, at)}\n`;
          // Restored as one message, as a notes file is.
          if (data.length > LIMITS.bytes)
            return {
              ok: false,
              error: `your notes alone would be ${Math.round(data.length / 1048576)} MB, and a restore reads at most 50 MB of them`,
            };
        }
        return {
          ok: true,
          value: {
            data,
            filename,
            mime: MIME[format],
            count: format === 'backup' ? await db.notes.count() : notes.length,
          },
        };
      }),
    importNotes: (data) =>
      after(async (): Promise<Result<NotesImportReport>> => {
        // The whole file is checked before anything is written: an invalid file changes nothing.
        const parsed = parseAnnotationFile(data);
        if (!parsed.ok) return parsed;
        const { kind, notes, articles, settings, skipped } = parsed.value;
        let restored = 0;
        const reasons = skipped.map((s) => `annotation ${s.index + 1}: ${s.reason}`);
        if (articles.length) {
          const imported = await corpus.importArticles(JSON.stringify(articles), 'json');
          if (!imported.ok) return imported;
          restored = imported.value.added.length;
        }
        const stored = await importNotes(db, notes);
        if (!stored.ok) return stored;
        if (settings) await corpus.updateSettings(settings);
        return {
          ok: true,
          value: {
            kind,
            added: stored.value.added,
            skipped: stored.value.skipped + skipped.length,
            reasons,
            articles: restored,
          },
        };
      }),
  };
}
