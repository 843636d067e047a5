/**
 * Notes as CSV for spreadsheets. Note text, quotes and titles come from the reader and from
 * web pages, so a cell that a spreadsheet would run as a formula is defused.
 */
import type { Note } from './types';

/** The header row's column names, in order. */
export const CSV_HEADER = [
  'id',
  'created',
  'modified',
  'url',
  'canonical url',
  'title',
  'quote',
  'note',
  'tags',
  'stance',
  'highlight kind',
  'highlight id',
  'start',
  'end',
] as const;

/**
 * Notes as RFC 4180 CSV (header row, CRLF line ends). No byte order mark: a caller saving
 * the file for Excel may prepend "\uFEFF" so it reads the text as UTF-8.
 */
export function notesToCsv(notes: Note[]): string {
  const rows = [CSV_HEADER.map(cell)];
  for (const n of notes) {
    rows.push(
      [
        n.id,
        n.created,
        n.modified,
        n.url,
        n.canonicalUrl ?? '',
        n.title ?? '',
        n.target.exact,
        n.note,
        n.tags.join('; '),
        n.stance ?? '',
        n.highlight?.kind ?? '',
        n.highlight?.id ?? '',
        String(n.target.start),
        String(n.target.end),
      ].map(cell),
    );
  }
  return rows.map((r) => `${r.join(',')}\r\n`).join('');
}

// OWASP CSV injection: a cell starting with = + - @ (also after spaces, which spreadsheets
// skip), or with a tab or carriage return, gets a leading apostrophe so it stays text.
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;

/** One CSV field: defused, then quoted (quotes doubled) when it holds a comma, quote or line break. */
export function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
