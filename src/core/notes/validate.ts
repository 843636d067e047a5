/**
 * Checks shared by the note import formats. Imported files come from anywhere, so every
 * field is checked for its type and size before anything is stored; strings are kept as
 * text, never interpreted (the UI and the exporters escape them where they are shown).
 */
import { STANCES, type Note, type NoteMotivation } from './types';

/** What an imported file may hold: sizes in characters (UTF-16 units), counts in items. */
export const LIMITS = {
  bytes: 50 * 1024 * 1024,
  notes: 100_000,
  // As many as one article import takes (import-format.ts), which is how a backup's articles are restored.
  articles: 20_000,
  noteText: 100_000,
  tag: 200,
  tags: 100,
  quote: 20_000,
  /** prefix and suffix: ours hold 32 characters, Hypothesis's about as many. */
  context: 1_000,
  url: 2_048,
  title: 2_000,
  id: 200,
  sites: 10_000,
  problems: 20,
} as const;

/** Records one problem, already located ("annotation 3"). */
export type Report = (problem: string) => void;

/** A plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The motivation the note's content implies: exporters and importers derive it rather than trust a stored one. */
export function motivationOf(note: string, tags: readonly string[]): NoteMotivation {
  return note.trim() ? 'commenting' : tags.length ? 'tagging' : 'highlighting';
}

/** A value quoted in a message: short, so a 1 MB hostile field does not become a 1 MB message. */
export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A string field: undefined when absent or of the wrong type (reported); null only when `nullable`. */
export function str(
  o: Record<string, unknown>,
  key: string,
  report: Report,
  name?: string,
  nullable?: false,
): string | undefined;
export function str(
  o: Record<string, unknown>,
  key: string,
  report: Report,
  name: string,
  nullable: true,
): string | null | undefined;
export function str(
  o: Record<string, unknown>,
  key: string,
  report: Report,
  name = key,
  nullable = false,
): string | null | undefined {
  const v = o[key];
  if (v === undefined || (v === null && nullable)) return v as null | undefined;
  if (typeof v === 'string') return v;
  report(`${name} must be ${nullable ? 'a string or null' : 'a string'}`);
  return undefined;
}

/** A list of strings (tags, disabled sites); undefined when absent or wrong (reported). */
export function strings(o: Record<string, unknown>, key: string, report: Report, name = key): string[] | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  report(`${name} must be a list of strings`);
  return undefined;
}

/** A non-negative whole number; undefined when absent or wrong (reported). */
export function offset(o: Record<string, unknown>, key: string, report: Report, name = key): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (Number.isSafeInteger(v) && (v as number) >= 0) return v as number;
  report(`${name} must be a whole number ≥ 0, not ${show(v)}`);
  return undefined;
}

// ISO 8601 as the app, Hypothesis and toISOString write it. Date.parse alone accepts "5" or "May".
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** An ISO 8601 date or timestamp that parses. */
export const validDate = (s: string): boolean => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s));

/** An http(s) URL of at most 2,048 characters. */
// Only web pages: a javascript: or data: URL would become a link in the UI and the report.
export function validUrl(s: string): boolean {
  if (s.length > LIMITS.url || !/^https?:\/\/[^\s]+$/i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

// Ids become keys and URNs ("urn:crosswire:note:<id>"): a small safe alphabet.
const ID = /^[A-Za-z0-9_.:-]+$/;
const HEX16 = /^[0-9a-f]{16}$/;
const ARTICLE_ID = /^a-[0-9a-f]{12}$/;

/** Every limit and invariant of a note whose types are right (the Note schema runs it after the shape). */
export function checkNote(n: Note, report: Report): void {
  if (!n.id || n.id.length > LIMITS.id || !ID.test(n.id))
    report(`id must be 1 to ${LIMITS.id} letters, digits or "_.:-", not ${show(n.id)}`);
  if (!ARTICLE_ID.test(n.articleId)) report(`articleId must be "a-" and 12 hex digits, not ${show(n.articleId)}`);
  if (!validUrl(n.url)) report(`url must be an http(s) URL of at most ${LIMITS.url} characters, not ${show(n.url)}`);
  if (n.canonicalUrl !== null && !validUrl(n.canonicalUrl))
    report(`canonicalUrl must be an http(s) URL of at most ${LIMITS.url} characters, not ${show(n.canonicalUrl)}`);
  if (n.title !== null) tooLong(n.title, LIMITS.title, 'title', report);
  for (const key of ['created', 'modified'] as const)
    if (!validDate(n[key])) report(`${key} must be a date like 2026-01-02T03:04:05Z, not ${show(n[key])}`);
  const t = n.target;
  if (!t.exact) report('the quote (exact) is empty');
  tooLong(t.exact, LIMITS.quote, 'the quote', report);
  tooLong(t.prefix, LIMITS.context, 'prefix', report);
  tooLong(t.suffix, LIMITS.context, 'suffix', report);
  if (t.end < t.start || t.end - t.start !== t.exact.length)
    report(`start and end (${t.start}, ${t.end}) must span the quote's ${t.exact.length} UTF-16 units`);
  if (!HEX16.test(n.quoteHash)) report(`quoteHash must be 16 hex digits, not ${show(n.quoteHash)}`);
  if (n.textHash !== '' && !HEX16.test(n.textHash))
    report(`textHash must be 16 hex digits or empty, not ${show(n.textHash)}`);
  if (n.highlight !== null) {
    if (!['actor', 'figure', 'quote'].includes(n.highlight.kind))
      report(`highlight kind must be actor, figure or quote, not ${show(n.highlight.kind)}`);
    if (!n.highlight.id || n.highlight.id.length > LIMITS.id)
      report(`highlight id must be 1 to ${LIMITS.id} characters`);
  }
  tooLong(n.note, LIMITS.noteText, 'the note text', report);
  if (n.tags.length > LIMITS.tags) report(`${n.tags.length} tags; the limit is ${LIMITS.tags}`);
  n.tags.forEach((tag, i) => {
    if (!tag.trim()) report(`tag ${i + 1} is empty`);
    tooLong(tag, LIMITS.tag, `tag ${i + 1}`, report);
  });
  if (n.stance !== null && !STANCES.includes(n.stance))
    report(`stance must be ${STANCES.join(', ')} or null, not ${show(n.stance)}`);
}

function tooLong(s: string, max: number, name: string, report: Report): void {
  if (s.length > max)
    report(`${name} is ${s.length.toLocaleString('en-US')} characters; the limit is ${max.toLocaleString('en-US')}`);
}

/** The error for a file with problems: how many, the first 20, each with where it is. */
export function problemsError(problems: readonly string[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const more = problems.length > LIMITS.problems ? `\n…and ${problems.length - LIMITS.problems} more` : '';
  return `nothing was imported; ${count}:\n${problems.slice(0, LIMITS.problems).join('\n')}${more}`;
}
