/**
 * The article import format (JSON array, or JSON Lines: one object per line). Checked
 * completely before anything is stored, so a bad file changes nothing and every problem
 * is reported with where it is.
 */

/** One article to import. Only `text` is required. */
export interface ImportRecord {
  text: string;
  url?: string | null;
  canonicalUrl?: string | null;
  /** Outlet domain ("voanews.com"); taken from the URL when missing. */
  outlet?: string | null;
  /** YYYY-MM-DD. */
  published?: string | null;
  headline?: string | null;
  wire?: string | null;
}

export type ImportResult = { ok: true; value: ImportRecord[] } | { ok: false; error: string };

const FIELDS: Record<keyof ImportRecord, 'string'> = {
  text: 'string',
  url: 'string',
  canonicalUrl: 'string',
  outlet: 'string',
  published: 'string',
  headline: 'string',
  wire: 'string',
};
/** The most a file read whole (a JSON array; any file a shared corpus or a message carries) may hold. */
export const MAX_BYTES = 50 * 1024 * 1024;
const MAX_RECORDS = 20_000;
/** The longest article text taken: the longest page Crosswire reads (contracts/values.ts), so a backup of what it read imports back. */
export const MAX_ARTICLE_CHARS = 8_000_000;
const MAX_PROBLEMS = 20;

/**
 * Parse and check an import file; `format` is guessed from the content when not given. A
 * part of a larger JSON Lines file names its lines from `firstLine`, the file's number of its
 * first line.
 */
export function parseImport(data: string, format?: 'json' | 'jsonl', firstLine = 1): ImportResult {
  if (data.length > MAX_BYTES)
    return { ok: false, error: `the file is ${Math.round(data.length / 1048576)} MB; the limit is 50 MB` };
  const trimmed = data.trim();
  if (!trimmed) return { ok: false, error: 'the file is empty' };
  const kind =
    format ?? (trimmed.startsWith('[') || (trimmed.startsWith('{') && !trimmed.includes('\n{')) ? 'json' : 'jsonl');
  const parsed = kind === 'json' ? parseJson(trimmed) : parseJsonLines(data, firstLine);
  if (!parsed.ok) return parsed;
  const { items } = parsed;
  if (items.length === 0) return { ok: false, error: 'the file holds no articles' };
  if (items.length > MAX_RECORDS)
    return { ok: false, error: `the file holds ${items.length} articles; import at most ${MAX_RECORDS} at a time` };
  const problems = problemsOf(parsed);
  if (problems.length) return { ok: false, error: problemsError(problems) };
  return { ok: true, value: items as ImportRecord[] };
}

/**
 * A part of a JSON Lines file checked as parseImport checks a file, its lines numbered from
 * `firstLine`: how many articles it holds and every problem with them, or the error that
 * stops the check (a line that is not JSON). A file too large for one import is checked
 * part by part this way before any part is imported.
 */
export function checkJsonLines(
  text: string,
  firstLine: number,
): { ok: true; articles: number; problems: string[] } | { ok: false; error: string } {
  const parsed = parseJsonLines(text, firstLine);
  if (!parsed.ok) return parsed;
  return { ok: true, articles: parsed.items.length, problems: problemsOf(parsed) };
}

/** The error that lists a file's problems: nothing was imported, and why (the first 20). */
export function problemsError(problems: string[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const more = problems.length > MAX_PROBLEMS ? `\n…and ${problems.length - MAX_PROBLEMS} more` : '';
  return `nothing was imported; ${count}:\n${problems.slice(0, MAX_PROBLEMS).join('\n')}${more}`;
}

type Parsed = { ok: true; items: unknown[]; where: (i: number) => string } | { ok: false; error: string };

/** Every problem of the parsed records, each said with where it is. */
const problemsOf = ({ items, where }: Extract<Parsed, { ok: true }>) =>
  items.flatMap((item, i) => checkRecord(item).map((p) => `${where(i)}: ${p}`));

function parseJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  const items = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.articles) ? value.articles : null;
  if (!items) return { ok: false, error: 'expected a JSON array of articles, or an object with an "articles" array' };
  return { ok: true, items, where: (i) => `article ${i + 1}` };
}

function parseJsonLines(text: string, firstLine = 1): Parsed {
  const items: unknown[] = [];
  const lines: number[] = [];
  const rows = text.split(/\r?\n/);
  for (const [i, line] of rows.entries()) {
    if (!line.trim()) continue;
    try {
      items.push(JSON.parse(line));
      lines.push(firstLine + i);
    } catch (e) {
      return {
        ok: false,
        error: `line ${firstLine + i}: not valid JSON (${(e as Error).message}); nothing was imported`,
      };
    }
  }
  return { ok: true, items, where: (i) => `line ${lines[i]}` };
}

function checkRecord(item: unknown): string[] {
  if (!isRecord(item)) return ['expected an object'];
  const problems: string[] = [];
  for (const key of Object.keys(item)) {
    if (!(key in FIELDS)) problems.push(`unknown field "${key}" (fields: ${Object.keys(FIELDS).join(', ')})`);
    else if (item[key] !== null && item[key] !== undefined && typeof item[key] !== FIELDS[key as keyof ImportRecord])
      problems.push(`"${key}" must be a string`);
  }
  if (typeof item.text === 'string' && item.text.length > MAX_ARTICLE_CHARS)
    problems.push(
      `"text" is ${item.text.length.toLocaleString('en-US')} characters; an article may have at most ` +
        `${MAX_ARTICLE_CHARS.toLocaleString('en-US')}`,
    );
  else if (typeof item.text !== 'string' || !/\p{L}{2,}/u.test(item.text))
    problems.push('"text" is required and must contain words');
  if (typeof item.published === 'string' && !validDate(item.published))
    problems.push(`"published" must be a date like 2012-03-12, not "${item.published}"`);
  for (const key of ['url', 'canonicalUrl'] as const) {
    if (typeof item[key] === 'string' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(item[key] as string))
      problems.push(`"${key}" must be an http(s) URL`);
  }
  return problems;
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
