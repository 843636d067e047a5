/**
 * Reading notes from a file: Crosswire's JSON-LD export, a Crosswire backup, or a
 * Hypothesis export. Like the article import (corpus/import-format.ts), the whole file is
 * checked before anything is stored, so a bad file changes nothing, and every problem is
 * reported with where it is. Note ids come from the file, so importing a file twice gives
 * the same ids and the store keeps each note once.
 */
import { parseImport, type ImportRecord } from '../corpus/import-format';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupSettings } from './backup';
import type { Note } from './types';
import { readCollectionItem, readHypothesis, readStoredNote, type NoteReader } from './read-notes';
import { noteProblems } from './schema';
import { LIMITS, isRecord, problemsError, show, strings, validDate, type Report } from './validate';

/** What a valid notes file gives: the notes, and for a backup the articles and settings too. */
export interface ParsedNotes {
  kind: 'crosswire' | 'hypothesis' | 'backup';
  notes: Note[];
  /** A version 1 backup's saved articles; empty for the other kinds. */
  articles: ImportRecord[];
  /** A version 2 backup's header: how many article lines followed it in its file. */
  articleLines?: number;
  settings: BackupSettings | null;
  /** Items that are valid but not notes Crosswire can place (Hypothesis page notes, replies); `index` counts from 0. */
  skipped: { index: number; reason: string }[];
}

/** The parsed file, or why nothing in it can be imported. */
export type NotesImportResult = { ok: true; value: ParsedNotes } | { ok: false; error: string };

const fail = (error: string): NotesImportResult => ({ ok: false, error });

/** Parse and check a notes file of any of the three kinds, recognised by its content. */
export function parseAnnotationFile(data: string): NotesImportResult {
  if (data.length > LIMITS.bytes)
    return fail(`the file is ${Math.round(data.length / 1048576)} MB; the limit is 50 MB`);
  const trimmed = data.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return fail('the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  if (isRecord(value) && value.format === BACKUP_FORMAT) return readBackup(value);
  if (isRecord(value) && value.type === 'AnnotationCollection') return readCollection(value);
  if (isRecord(value) && Array.isArray(value.annotations)) {
    const items = value.annotations.map((item, i) => [i, item] as const);
    return finish('hypothesis', items, (i) => `annotation ${i + 1}`, readHypothesis, []);
  }
  return fail('unknown file: expected a Crosswire export, a Crosswire backup or a Hypothesis export');
}

function readCollection(value: Record<string, unknown>): NotesImportResult {
  const items = value.items ?? (isRecord(value.first) ? value.first.items : undefined);
  if (!Array.isArray(items)) return fail('this Web Annotation collection has no "items" list');
  // The engine's detections (motivation "identifying") are exported for other tools; only notes come back.
  const notes = items
    .map((item, i) => [i, item] as const)
    .filter(([, item]) => !(isRecord(item) && item.motivation === 'identifying'));
  return finish('crosswire', notes, (i) => `annotation ${i + 1}`, readCollectionItem, []);
}

/**
 * A backup. Version 1 holds its articles; version 2's follow its header as lines of their own,
 * restored before it (src/options/backup-file.ts), so its header alone comes here: `articles`
 * says how many lines followed it, and `articleLines` passes that on.
 */
function readBackup(value: Record<string, unknown>): NotesImportResult {
  if (value.version !== 1 && value.version !== BACKUP_VERSION)
    return fail(
      `this backup is version ${show(value.version)}; this version of Crosswire reads versions 1 and ${BACKUP_VERSION}`,
    );
  const problems: string[] = [];
  const report: Report = (p) => problems.push(p);
  if (typeof value.exported !== 'string' || !validDate(value.exported))
    report(`exported must be a date, not ${show(value.exported)}`);
  if (!Array.isArray(value.notes)) return fail('this backup has no "notes" list');
  let articles: unknown[] = [];
  let articleLines: number | undefined;
  if (value.version === BACKUP_VERSION) {
    if (!Number.isSafeInteger(value.articles) || (value.articles as number) < 0)
      return fail(`this backup's "articles" must be how many articles follow it, not ${show(value.articles)}`);
    articleLines = value.articles as number;
  } else {
    if (!Array.isArray(value.articles)) return fail('this backup has no "articles" list');
    if (value.articles.length > LIMITS.articles)
      return fail(`the backup holds ${count(value.articles.length)} articles; the limit is ${count(LIMITS.articles)}`);
    articles = value.articles;
  }
  articles.forEach((article, i) => checkArticle(article, (p) => report(`article ${i + 1}: ${p}`)));
  const settings = readSettings(value.settings, (p) => report(`settings: ${p}`));
  const notes = value.notes.map((item, i) => [i, item] as const);
  const result = finish('backup', notes, (i) => `note ${i + 1}`, readStoredNote, problems);
  if (!result.ok || !settings) return result;
  return {
    ok: true,
    value: {
      ...result.value,
      articles: articles as ImportRecord[],
      settings,
      ...(articleLines !== undefined && { articleLines }),
    },
  };
}

/** A backup's article, checked as the article import checks it (which is how it is restored). */
function checkArticle(article: unknown, report: Report): void {
  const checked = parseImport(JSON.stringify([article]), 'json');
  // Its messages read "nothing was imported; …:\narticle 1: …": keep the located lines.
  if (!checked.ok) for (const line of checked.error.split('\n').slice(1)) report(line.replace(/^article 1: /, ''));
}

function readSettings(v: unknown, report: Report): BackupSettings | null {
  if (!isRecord(v)) return (report('expected an object with rememberArticles and disabledSites'), null);
  if (typeof v.rememberArticles !== 'boolean') report('rememberArticles must be true or false');
  const sites = strings(v, 'disabledSites', report);
  if (v.disabledSites === undefined) report('disabledSites is missing');
  if (sites && sites.length > LIMITS.sites)
    report(`${count(sites.length)} disabled sites; the limit is ${count(LIMITS.sites)}`);
  sites?.forEach(
    (s, i) => s.length > LIMITS.url && report(`disabled site ${i + 1} is longer than ${count(LIMITS.url)} characters`),
  );
  return typeof v.rememberArticles === 'boolean' && sites
    ? { rememberArticles: v.rememberArticles, disabledSites: sites }
    : null;
}

/** Reads every note item, then fails with every problem, or gives the notes and the skipped items. */
function finish(
  kind: ParsedNotes['kind'],
  items: (readonly [number, unknown])[],
  where: (i: number) => string,
  read: NoteReader,
  problems: string[],
): NotesImportResult {
  if (items.length > LIMITS.notes)
    return fail(`the file holds ${count(items.length)} notes; the limit is ${count(LIMITS.notes)}`);
  const notes: Note[] = [];
  const skipped: ParsedNotes['skipped'] = [];
  const seen = new Map<string, number>();
  for (const [i, item] of items) {
    const before = problems.length;
    const report: Report = (p) => problems.push(`${where(i)}: ${p}`);
    if (!isRecord(item)) {
      report('expected an object');
      continue;
    }
    const note = read(item, report);
    if (typeof note === 'string') skipped.push({ index: i, reason: note });
    if (!note || typeof note === 'string') continue;
    for (const problem of noteProblems(note)) report(problem);
    if (problems.length > before) continue;
    const first = seen.get(note.id);
    if (first !== undefined) report(`the same id (${show(note.id)}) as ${where(first)}`);
    else seen.set(note.id, i);
    notes.push(note);
  }
  if (problems.length) return fail(problemsError(problems));
  return { ok: true, value: { kind, notes, articles: [], settings: null, skipped } };
}

const count = (n: number) => n.toLocaleString('en-US');
