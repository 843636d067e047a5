/**
 * A backup of any size (core/notes/backup.ts, version 2), as the options page writes and
 * restores it. Written: the background's header line (every note, the settings), then the
 * reader's articles page by page, the header then saying how many. Restored: the header and
 * every article line checked first, so a file with a problem changes nothing; then the
 * articles part by part, then the notes and settings in one message.
 */
import { parseAnnotationFile } from '../core/notes/import-notes';
import { withArticleCount } from '../core/notes/backup';
import { LIMITS } from '../core/notes/validate';
import type { NotesImportReport, Result } from '../messages';
import type { Ask } from '../shared/ask';
import { checkLinesFile, firstLineOf, LineTooLong } from '../shared/json-lines';
import { exportArticlePages, importArticleLines, type TransferHooks } from './article-files';
import { plural } from './follow-words';

/** A backup written, ready to save. */
export interface BackupFile {
  blob: Blob;
  filename: string;
  mime: string;
  notes: number;
  articles: number;
}

/** Write a backup: its header from the background, then the reader's articles. */
export async function writeBackup(ask: Ask, hooks: TransferHooks): Promise<Result<BackupFile | { cancelled: true }>> {
  const header = await ask({ type: 'export-notes', format: 'backup' });
  if (!header.ok) return header;
  const pages = await exportArticlePages(ask, 'user', hooks);
  if (!pages.ok) return pages;
  if ('cancelled' in pages.value) return { ok: true, value: { cancelled: true } };
  const { parts, count } = pages.value;
  const first = `${withArticleCount(header.value.data.trim(), count)}\n`;
  const { filename, mime } = header.value;
  return {
    ok: true,
    value: { blob: new Blob([first, ...parts]), filename, mime, notes: header.value.count, articles: count },
  };
}

/**
 * Restore a backup file of version 2: JSON Lines, its header first. Nothing is restored
 * unless the header and every article line are right and as many articles follow as the
 * header says (a file cut short is refused).
 */
export async function restoreBackup(ask: Ask, file: Blob, hooks: TransferHooks): Promise<Result<NotesImportReport>> {
  let header: { text: string; bytes: number };
  try {
    header = await firstLineOf(file, LIMITS.bytes);
  } catch (error) {
    if (error instanceof LineTooLong)
      return { ok: false, error: 'its first line is longer than a backup’s header may be' };
    throw error;
  }
  const parsed = parseAnnotationFile(header.text);
  if (!parsed.ok)
    return {
      ok: false,
      error: isArticleLine(header.text)
        ? 'this is a file of articles, not a backup: import it under "Import and export", in the Corpus section'
        : `its first line is not a backup’s header: ${parsed.error}`,
    };
  const expected = parsed.value.articleLines;
  if (parsed.value.kind !== 'backup' || expected === undefined)
    return {
      ok: false,
      error: 'a .jsonl file here is a Crosswire backup, whose first line says so; this one’s does not',
    };
  hooks.say(`Checking the backup’s ${plural(expected, 'article')}…`);
  const rest = file.slice(header.bytes);
  const checked = await checkLinesFile(rest, undefined, 2, true);
  if (!checked.ok) return checked;
  const lines = checked.value;
  if (lines.total !== expected)
    return {
      ok: false,
      error: `the backup is incomplete: its header says ${plural(expected, 'article')} follow it, and ${lines.total} do; nothing was restored`,
    };
  let restored = 0;
  if (expected) {
    const imported = await importArticleLines(ask, rest, hooks, 2, lines);
    if (!imported.ok) return { ok: false, error: `${imported.error} No note was restored.` };
    restored = imported.value.added.length;
    if (imported.value.cancelled)
      return {
        ok: false,
        error: `the restore was cancelled after ${plural(restored, 'article')}, which stay; no note was restored`,
      };
  }
  hooks.say('Restoring the notes and settings…');
  const notes = await ask({ type: 'import-notes', data: header.text });
  if (!notes.ok) {
    const stay = restored ? `. The ${plural(restored, 'article')} restored stay` : '';
    return { ok: false, error: `${notes.error}${stay}` };
  }
  return { ok: true, value: { ...notes.value, articles: restored } };
}

/** Whether `line` is an article of the import format (a file of articles chosen here by mistake). */
function isArticleLine(line: string): boolean {
  try {
    const value = JSON.parse(line) as { text?: unknown } | null;
    return typeof value?.text === 'string';
  } catch {
    return false;
  }
}
