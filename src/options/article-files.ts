/**
 * The reader's articles to and from files of any size, as the options page moves them: out
 * page by page (each page a message of its own, gathered as Blobs), in part by part (each
 * part of a JSON Lines file a message of its own, read from disk when sent). The article
 * export and import use them, and so does a backup (backup-file.ts).
 */
import type { ImportReport, Request, Result } from '../messages';
import type { Ask } from '../shared/ask';
import { type CheckedLines, checkLinesFile, linesParts } from '../shared/json-lines';
import { plural } from './follow-words';

/** How often a running import's progress is asked for. */
const PROGRESS_MS = 500;

/** What a long transfer tells the reader, and how it learns that the reader cancelled it. */
export interface TransferHooks {
  say(text: string): void;
  cancelled(): boolean;
}

type ImportRequest = Extract<Request, { type: 'import-articles' }>;

/**
 * One import request, its progress asked for until the reply comes (the background stores
 * a large file batch by batch); `before` articles of the file were imported by earlier parts.
 */
export async function importWithProgress(
  ask: Ask,
  request: ImportRequest,
  before: number,
  total: number | null,
  say: (text: string) => void,
) {
  const reply = ask(request);
  let running = true;
  const timer = setInterval(() => {
    void ask({ type: 'import-progress' }).then((p) => {
      const job = p.ok ? p.value.job : null;
      if (running && job) say(`Importing… ${before + job.done} of ${total ?? job.total}`);
    });
  }, PROGRESS_MS);
  return reply.finally(() => {
    running = false;
    clearInterval(timer);
  });
}

/**
 * The articles of a JSON Lines file of any size, part by part. Every part is checked first
 * (unless `checked` says how it went), so a problem anywhere imports nothing, as with a file
 * sent whole; then each part is imported, and the report numbers articles as the file does.
 * `file` may be the rest of a larger file whose line `startLine` it starts at (a backup's
 * articles, after its header).
 */
export async function importArticleLines(
  ask: Ask,
  file: Blob,
  hooks: TransferHooks,
  startLine = 1,
  checked?: CheckedLines,
): Promise<Result<ImportReport>> {
  let counts = checked;
  if (!counts) {
    const check = await checkLinesFile(file, undefined, startLine);
    if (!check.ok) return check;
    counts = check.value;
  }
  const report: ImportReport = { added: [], skipped: [] };
  let done = 0;
  let n = 0;
  for await (const part of linesParts(file, undefined, startLine)) {
    if (hooks.cancelled()) return { ok: true, value: { ...report, cancelled: true } };
    const count = counts.parts[n++] ?? 0;
    // A part of blank lines only has nothing to import (the import would call it empty).
    if (!count) continue;
    const request = { type: 'import-articles', data: part.text, format: 'jsonl', firstLine: part.firstLine } as const;
    const r = await importWithProgress(ask, request, done, counts.total, hooks.say);
    if (!r.ok) {
      const kept = report.added.length;
      const stay = kept ? ` The ${plural(kept, 'article')} imported from earlier lines stay.` : '';
      return { ok: false, error: `${r.error}.${stay}` };
    }
    report.added.push(...r.value.added);
    report.skipped.push(...r.value.skipped.map((s) => ({ ...s, index: s.index + done })));
    done += count;
    if (r.value.cancelled) return { ok: true, value: { ...report, cancelled: true } };
  }
  return { ok: true, value: report };
}

/** What an export of articles gathered: the file's parts and how many articles they hold. */
export type ExportedPages = { parts: Blob[]; count: number } | { cancelled: true };

/** The reader's articles (or all) in the import format, page by page, as Blobs of JSON Lines. */
export async function exportArticlePages(
  ask: Ask,
  origin: 'user' | 'all',
  hooks: TransferHooks,
): Promise<Result<ExportedPages>> {
  const parts: Blob[] = [];
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const r = await ask({ type: 'export-articles', origin, ...(after !== undefined && { after }) });
    if (!r.ok) return r;
    if (r.value.count) parts.push(new Blob([r.value.data]));
    count += r.value.count;
    if (hooks.cancelled()) return { ok: true, value: { cancelled: true } };
    if (r.value.next === null) return { ok: true, value: { parts, count } };
    after = r.value.next;
    hooks.say(`Exporting… ${count} of ${r.value.total}`);
  }
}
