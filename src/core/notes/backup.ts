/**
 * A backup of what the reader keeps: the articles they saved, their notes and settings, in
 * one JSON file that parseAnnotationFile (import-notes.ts) reads back unchanged.
 */
import type { ImportRecord } from '../corpus/import-format';
import type { Note } from './types';
import { LIMITS } from './validate';

/** The `format` and `version` a backup file names, by which the import recognises it. */
export const BACKUP_FORMAT = 'crosswire-backup';
export const BACKUP_VERSION = 1;

/** The settings a backup keeps. */
export interface BackupSettings {
  rememberArticles: boolean;
  disabledSites: string[];
}

/** Everything a backup holds. */
export interface BackupData {
  articles: ImportRecord[];
  notes: Note[];
  settings: BackupSettings;
}

/** The backup file's text: `{ format: 'crosswire-backup', version: 1, exported, articles, notes, settings }`. */
export function backupOf(data: BackupData, now: Date): string {
  // Compact: a backup of a large corpus runs to tens of megabytes, and the file limit is 50 MB.
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    articles: data.articles,
    notes: data.notes,
    settings: { rememberArticles: data.settings.rememberArticles, disabledSites: data.settings.disabledSites },
  });
}

/**
 * Why a backup cannot be saved, or null: one a restore would refuse (over 50 MB, or more
 * articles than it takes) would only look like a backup. The reader's articles then go by
 * the article export, which has no size limit, and the notes by JSON-LD. Asked first with
 * the count alone (`file` undefined), so a corpus of too many is refused before it is read;
 * `file` null is one too large to write at all.
 */
export function backupTooLarge(
  articles: number,
  file?: string | null,
  limits: { bytes: number; articles: number } = LIMITS,
): string | null {
  const fits = articles <= limits.articles && (file === undefined || (file !== null && file.length <= limits.bytes));
  if (fits) return null;
  const n = `${articles.toLocaleString('en-US')} article${articles === 1 ? '' : 's'}`;
  const what =
    file === undefined
      ? `hold your ${n}`
      : `be ${file === null ? 'too large to write' : `${Math.round(file.length / 1048576)} MB`} with your ${n}`;
  return (
    `the backup would ${what}, and a restore reads at most ${Math.round(limits.bytes / 1048576)} MB and ` +
    `${limits.articles.toLocaleString('en-US')} articles. ` +
    'Export your articles under "Import and export" (JSON Lines, no size limit) and your notes as JSON-LD instead'
  );
}
