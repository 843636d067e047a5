/**
 * A backup of what the reader keeps: the articles they saved, their notes and settings, in
 * one JSON file that parseAnnotationFile (import-notes.ts) reads back unchanged.
 */
import type { ImportRecord } from '../corpus/import-format';
import type { Note } from './types';

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
