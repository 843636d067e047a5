import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_BYTES } from '../core/corpus/import-format';
import type { CorpusStatus, ImportReport, Request, Result } from '../messages';
import type { Ask } from '../shared/ask';
import { exportFileName, type Download } from '../shared/download';
import { FileChooser } from './FileChooser';
import { checkLinesFile, linesParts } from '../shared/json-lines';
import { NoteLine, type Note } from './Note';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/** Skipped articles listed one a line; beyond this many, a count. */
const SKIPS_LISTED = 10;
/** How often a running import's progress is asked for. */
const PROGRESS_MS = 500;
/** The export's type: JSON Lines, one article a line, which the import reads back. */
const JSON_LINES = 'application/x-ndjson';

type ImportRequest = Extract<Request, { type: 'import-articles' }>;

/** What an import did, in words: how many were added, and why any were skipped. */
export function importSummary(report: ImportReport): string {
  const stored = report.added.length;
  const added = report.cancelled
    ? `Import cancelled: ${stored ? `${plural(stored, 'article')} imported before it stopped` : 'no articles were imported'}.`
    : stored
      ? `Imported ${plural(stored, 'article')}.`
      : 'No new articles were imported.';
  if (!report.skipped.length) return added;
  const lines = report.skipped.slice(0, SKIPS_LISTED).map((s) => `Article ${s.index + 1}: ${s.reason}`);
  const more = report.skipped.length > SKIPS_LISTED ? [`…and ${report.skipped.length - SKIPS_LISTED} more.`] : [];
  return [`${added} Skipped ${plural(report.skipped.length, 'article')}:`, ...lines, ...more].join('\n');
}

interface TransferProps {
  ask: Ask;
  download: Download;
  /** Changes when the corpus did, so the counts are read again. */
  version: number;
  onImported(): void;
}

/** Import articles from a JSON or JSON Lines file, and export the user's articles (or all) to one. */
export function CorpusTransfer({ ask, download, version, onImported }: TransferProps) {
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [scope, setScope] = useState<'user' | 'all'>('user');
  const [importNote, setImportNote] = useState<Note>(null);
  const [exportNote, setExportNote] = useState<Note>(null);
  const [exporting, setExporting] = useState(false);
  /** Set by "Cancel export": the export stops at its next page and saves nothing. */
  const exportCancelled = useRef(false);
  /** While an import runs: whether the reader has asked to cancel it. */
  const [importing, setImporting] = useState<{ cancelling: boolean } | null>(null);
  /** Set by "Cancel import": a file imported in parts sends no further part. */
  const importCancelled = useRef(false);
  useEffect(() => {
    void ask({ type: 'corpus-status' }).then((r) => r.ok && setStatus(r.value));
  }, [version]);

  /**
   * One import request, its progress asked for until the reply comes (the background stores
   * a large file batch by batch); `before` articles of the file were imported by earlier parts.
   */
  const runImport = async (request: ImportRequest, before: number, total: number | null) => {
    const reply = ask(request);
    let running = true;
    const timer = setInterval(() => {
      void ask({ type: 'import-progress' }).then((p) => {
        const job = p.ok ? p.value.job : null;
        if (running && job)
          setImportNote({ kind: 'info', text: `Importing… ${before + job.done} of ${total ?? job.total}` });
      });
    }, PROGRESS_MS);
    return reply.finally(() => {
      running = false;
      clearInterval(timer);
    });
  };

  /**
   * A JSON Lines file of any size, part by part (each a message of its own, read from disk
   * when sent): every part is checked first, so a problem anywhere imports nothing, as with
   * a file sent whole; then each part is imported, and the report numbers articles as the file does.
   */
  const importInParts = async (file: File): Promise<Result<ImportReport>> => {
    setImportNote({ kind: 'info', text: `Checking ${file.name}…` });
    const checked = await checkLinesFile(file);
    if (!checked.ok) return checked;
    const { parts: articles, total } = checked.value;
    const report: ImportReport = { added: [], skipped: [] };
    let done = 0;
    let n = 0;
    for await (const part of linesParts(file)) {
      if (importCancelled.current) return { ok: true, value: { ...report, cancelled: true } };
      const count = articles[n++] ?? 0;
      // A part of blank lines only has nothing to import (the import would call it empty).
      if (!count) continue;
      const request = { type: 'import-articles', data: part.text, format: 'jsonl', firstLine: part.firstLine } as const;
      const r = await runImport(request, done, total);
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
  };

  /** A JSON file, read and sent whole: so at most 50 MB (a message carries at most 64 MiB). */
  const importWhole = async (file: File): Promise<Result<ImportReport>> => {
    if (file.size > MAX_BYTES)
      return {
        ok: false,
        error:
          `the file is ${Math.round(file.size / 1048576)} MB; a JSON file is read whole, so at most ` +
          `${MAX_BYTES / 1048576} MB. As JSON Lines (.jsonl, one article a line) it can be any size`,
      };
    return runImport({ type: 'import-articles', data: await file.text(), format: 'json' }, 0, null);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportNote({ kind: 'info', text: `Importing ${file.name}…` });
    importCancelled.current = false;
    setImporting({ cancelling: false });
    const r = await (/\.(jsonl|ndjson)$/i.test(file.name) ? importInParts(file) : importWhole(file)).finally(() =>
      setImporting(null),
    );
    input.value = ''; // so the same file, once fixed, can be chosen again
    setImportNote(r.ok ? { kind: 'info', text: importSummary(r.value) } : { kind: 'error', text: r.error });
    if (r.ok && r.value.added.length) onImported();
  };

  const cancelImport = async () => {
    setImporting({ cancelling: true });
    // A file imported in parts stops before its next part, and the running part after its current batch.
    importCancelled.current = true;
    const r = await ask({ type: 'cancel-import' });
    if (r.ok && r.value.cancelled) setImportNote({ kind: 'info', text: 'Cancelling after the current batch…' });
  };

  const exportArticles = async () => {
    // Page by page (each a message of its own), gathered as Blobs: a corpus is larger than
    // one message, or one string, can hold.
    const parts: Blob[] = [];
    let exported = 0;
    let after: string | undefined;
    exportCancelled.current = false;
    setExporting(true);
    setExportNote({ kind: 'info', text: 'Exporting…' });
    try {
      for (;;) {
        const r = await ask({ type: 'export-articles', origin: scope, ...(after !== undefined && { after }) });
        if (!r.ok) return setExportNote({ kind: 'error', text: `The export stopped: ${r.error}. No file was saved.` });
        if (r.value.count) parts.push(new Blob([r.value.data]));
        exported += r.value.count;
        if (exportCancelled.current)
          return setExportNote({ kind: 'info', text: 'Export cancelled. No file was saved.' });
        if (r.value.next === null) break;
        after = r.value.next;
        setExportNote({ kind: 'info', text: `Exporting… ${exported} of ${r.value.total}` });
      }
    } finally {
      setExporting(false);
    }
    if (exported === 0)
      return setExportNote({
        kind: 'info',
        text:
          scope === 'user'
            ? 'You have not added any articles yet, so there is nothing to export.'
            : 'The corpus is empty, so there is nothing to export.',
      });
    const name = exportFileName(new Date());
    download(name, new Blob(parts), JSON_LINES);
    setExportNote({ kind: 'info', text: `Exported ${plural(exported, 'article')} to ${name}.` });
  };

  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  return (
    <section aria-labelledby="transfer-title">
      <h3 id="transfer-title">Import and export</h3>
      <div class="transfer">
        <div class="panel">
          <FileChooser
            label="Import articles (JSON or JSON Lines)"
            accept=".json,.jsonl,.ndjson,application/json"
            helpId="import-help"
            help="The same format as the export. Articles already in the corpus are skipped."
            onChoose={(input) => void importFile(input)}
          />
          <NoteLine note={importNote} />
          {importing && (
            <button type="button" disabled={importing.cancelling} onClick={() => void cancelImport()}>
              Cancel import
            </button>
          )}
        </div>
        <fieldset>
          <legend>Export to a file</legend>
          {(
            [
              ['user', 'Articles I added', status?.user],
              ['all', 'All articles', status?.articles],
            ] as const
          ).map(([value, label, n]) => (
            <label key={value} class="check">
              <input
                type="radio"
                name="export-scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              {label}
              {count(n)}
            </label>
          ))}
          <button type="button" disabled={exporting} onClick={() => void exportArticles()}>
            Export
          </button>
          {exporting && (
            <button type="button" onClick={() => (exportCancelled.current = true)}>
              Cancel export
            </button>
          )}
          <NoteLine note={exportNote} />
        </fieldset>
      </div>
    </section>
  );
}
