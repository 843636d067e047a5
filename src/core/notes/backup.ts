/**
 * A backup of what the reader keeps: the articles they added, their notes and settings.
 *
 * Version 2 (written since December 2026) is JSON Lines, so a corpus of any size fits: its
 * first line is a header holding the notes, the settings and how many articles follow, then
 * one article a line in the import format (corpus/import-format.ts), as the article export
 * writes them. The options page writes it, the header from the background and the articles
 * page by page, and restores it in parts (src/options/backup-file.ts). Version 1 was one JSON
 * object with the articles in it, read whole, so at most 50 MB; parseAnnotationFile
 * (import-notes.ts) still restores it.
 */
import type { ImportRecord } from '../corpus/import-format';
import type { Note } from './types';

/** The `format` and `version` a backup names, by which the import recognises it. */
export const BACKUP_FORMAT = 'crosswire-backup';
export const BACKUP_VERSION = 2;

/** The settings a backup keeps. */
export interface BackupSettings {
  rememberArticles: boolean;
  disabledSites: string[];
}

/** What a version 1 backup holds. */
export interface BackupData {
  articles: ImportRecord[];
  notes: Note[];
  settings: BackupSettings;
}

/** What a backup's header says: every note, the settings, and how many article lines follow it. */
export interface BackupHeader {
  notes: Note[];
  settings: BackupSettings;
  articles: number;
}

/** The header line of a version 2 backup (JSON, no line break in it, none after it). */
export function backupHeader(header: BackupHeader, now: Date): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    articles: header.articles,
    notes: header.notes,
    settings: { rememberArticles: header.settings.rememberArticles, disabledSites: header.settings.disabledSites },
  });
}

/** The same header saying that `articles` lines follow it: the count is known once they are written. */
export function withArticleCount(header: string, articles: number): string {
  return JSON.stringify({ ...(JSON.parse(header) as object), articles });
}
