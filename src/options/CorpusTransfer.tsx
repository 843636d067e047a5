import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_BYTES } from '../core/corpus/import-format';
import type { CorpusStatus, ImportReport, Result } from '../messages';
import type { Ask } from '../shared/ask';
import { exportFileName, type Download } from '../shared/download';
import { exportArticlePages, importArticleLines, importWithProgress } from './article-files';
import { FileChooser } from './FileChooser';
import { NoteLine, type Note } from './Note';
import { plural } from './follow-words';

/** Skipped articles listed one a line; beyond this many, a count. */
const SKIPS_LISTED = 10;
/** The export's type: JSON Lines, one article a line, which the import reads back. */
const JSON_LINES = 'application/x-ndjson';

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

  const hooks = {
    say: (text: string) => setImportNote({ kind: 'info', text }),
    cancelled: () => importCancelled.current,
  };

  /** A JSON Lines file of any size, part by part (article-files.ts). */
  const importInParts = (file: File): Promise<Result<ImportReport>> => {
    setImportNote({ kind: 'info', text: `Checking ${file.name}…` });
    return importArticleLines(ask, file, hooks);
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
    return importWithProgress(
      ask,
      { type: 'import-articles', data: await file.text(), format: 'json' },
      0,
      null,
      hooks.say,
    );
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
    exportCancelled.current = false;
    setExporting(true);
    setExportNote({ kind: 'info', text: 'Exporting…' });
    const r = await exportArticlePages(ask, scope, {
      say: (text) => setExportNote({ kind: 'info', text }),
      cancelled: () => exportCancelled.current,
    }).finally(() => setExporting(false));
    if (!r.ok) return setExportNote({ kind: 'error', text: `The export stopped: ${r.error}. No file was saved.` });
    if ('cancelled' in r.value) return setExportNote({ kind: 'info', text: 'Export cancelled. No file was saved.' });
    const { parts, count: exported } = r.value;
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
