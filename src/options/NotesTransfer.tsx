import { useRef, useState } from 'preact/hooks';
import { LIMITS } from '../core/notes/validate';
import type { ExportFormat, NoteFilter, NotesImportReport, Reply } from '../messages';
import type { Ask } from '../shared/ask';
import type { Download } from '../shared/download';
import { restoreBackup, writeBackup } from './backup-file';
import { FileChooser } from './FileChooser';
import { NoteLine, type Note } from './Note';
import { plural } from './follow-words';

const KIND: Record<NotesImportReport['kind'], string> = {
  crosswire: 'Crosswire notes',
  hypothesis: 'Hypothesis export',
  backup: 'Crosswire backup',
};

/** What a notes import did, in words. */
export function notesImportSummary(r: NotesImportReport): string {
  const lines = [
    `${KIND[r.kind]}: imported ${plural(r.added, 'note')}${r.articles ? ` and ${plural(r.articles, 'article')}` : ''}.`,
  ];
  if (r.skipped)
    lines.push(
      `Skipped ${plural(r.skipped, 'note')} (already stored${r.reasons.length ? ', or not notes on text' : ''}).`,
    );
  return [
    ...lines,
    ...r.reasons.slice(0, 10),
    ...(r.reasons.length > 10 ? [`…and ${r.reasons.length - 10} more.`] : []),
  ].join('\n');
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'jsonld', label: 'Web Annotation (JSON-LD)' },
  { format: 'csv', label: 'CSV (spreadsheets)' },
];

/**
 * The reader's notes: export all of them, or those of a site, an actor, a tag or a date
 * range; import Crosswire's own files, a Hypothesis export or a backup; and a full backup
 * (articles added, every note, the settings) to restore elsewhere.
 */
export function NotesTransfer({ ask, download, onImported }: { ask: Ask; download: Download; onImported(): void }) {
  const [filter, setFilter] = useState<NoteFilter>({});
  const [exportNote, setExportNote] = useState<Note>(null);
  const [importNote, setImportNote] = useState<Note>(null);
  const field = (key: keyof NoteFilter) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value.trim();
    setFilter((f) => {
      const { [key]: _, ...rest } = f;
      return value ? { ...rest, [key]: value } : rest;
    });
  };
  /** While a backup is written or restored: set by Cancel, which stops it before its next page or part. */
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const cancelled = useRef(false);
  const hooks = (note: (n: Note) => void) => ({
    say: (text: string) => note({ kind: 'info', text }),
    cancelled: () => cancelled.current,
  });

  const backUp = async () => {
    setImportNote({ kind: 'info', text: 'Backing up…' });
    cancelled.current = false;
    setBusy('backup');
    const r = await writeBackup(ask, hooks(setImportNote)).finally(() => setBusy(null));
    if (!r.ok) return setImportNote({ kind: 'error', text: `No backup was saved: ${r.error}` });
    if ('cancelled' in r.value) return setImportNote({ kind: 'info', text: 'Backup cancelled. No file was saved.' });
    const { blob, filename, mime, notes, articles } = r.value;
    download(filename, blob, mime);
    setImportNote({
      kind: 'info',
      text: `Saved ${filename} (${plural(notes, 'note')} and ${plural(articles, 'article')}).`,
    });
  };

  const cancel = async () => {
    cancelled.current = true;
    // A restore's running part stops after its current batch.
    if (busy === 'restore') await ask({ type: 'cancel-import' });
  };

  const save = async (format: ExportFormat) => {
    setExportNote({ kind: 'info', text: 'Exporting…' });
    const r = await ask({ type: 'export-notes', format, ...(Object.keys(filter).length && { filter }) });
    if (!r.ok) return setExportNote({ kind: 'error', text: r.error });
    if (r.value.count === 0)
      return setExportNote({ kind: 'info', text: 'No notes match, so there is nothing to export.' });
    download(r.value.filename, r.value.data, r.value.mime);
    setExportNote({ kind: 'info', text: `Saved ${r.value.filename} (${plural(r.value.count, 'note')}).` });
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportNote({ kind: 'info', text: `Reading ${file.name}…` });
    let r: Reply<'import-notes'>;
    if (/\.(jsonl|ndjson)$/i.test(file.name)) {
      // A backup, of any size: read in parts.
      cancelled.current = false;
      setBusy('restore');
      r = await restoreBackup(ask, file, hooks(setImportNote)).finally(() => setBusy(null));
    }
    // Read whole and sent as one message: a larger file would fail as a message, not as a file.
    else
      r =
        file.size > LIMITS.bytes
          ? { ok: false, error: `the file is ${Math.round(file.size / 1048576)} MB; the limit is 50 MB` }
          : await ask({ type: 'import-notes', data: await file.text() });
    input.value = '';
    setImportNote(
      r.ok
        ? { kind: 'info', text: notesImportSummary(r.value) }
        : { kind: 'error', text: `Nothing was imported from ${file.name}: ${r.error}` },
    );
    if (r.ok) onImported();
  };
  return (
    <section id="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <div class="transfer">
        <fieldset>
          <legend>Export notes</legend>
          <p class="help">All notes, or only those matching what you fill in.</p>
          <label>
            Site <input type="text" placeholder="cbc.ca" onInput={field('site')} />
          </label>
          <label>
            Actor id <input type="text" placeholder="sergey-lavrov" onInput={field('actorId')} />
          </label>
          <label>
            Tag <input type="text" onInput={field('tag')} />
          </label>
          <label>
            From <input type="date" onInput={field('from')} />
          </label>
          <label>
            To <input type="date" onInput={field('to')} />
          </label>
          {FORMATS.map(({ format, label }) => (
            <button key={format} type="button" onClick={() => void save(format)}>
              {label}
            </button>
          ))}
          <NoteLine note={exportNote} />
        </fieldset>
        <div class="panel">
          <FileChooser
            label="Import notes or restore a backup"
            accept=".json,.jsonld,.jsonl,application/json,application/ld+json"
            helpId="notes-import-help"
            help="Crosswire’s JSON-LD or backup (.jsonl, or .json from before December 2026), or a Hypothesis export. The whole file is checked first: a file with a problem changes nothing. Notes already stored are skipped."
            onChoose={(input) => void importFile(input)}
          />
          <button type="button" aria-disabled={busy !== null} onClick={() => busy === null && void backUp()}>
            Back up everything
          </button>
          {busy && (
            <button type="button" onClick={() => void cancel()}>
              {busy === 'backup' ? 'Cancel backup' : 'Cancel restore'}
            </button>
          )}
          <p class="help">Your articles, every note and your settings, in one file of any size.</p>
          <NoteLine note={importNote} />
        </div>
      </div>
    </section>
  );
}
