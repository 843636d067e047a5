/**
 * Large article imports, in batches: each batch is built (cleaned, annotated) and stored in
 * a transaction of its own, then the import waits a turn, so the popup's and the content
 * scripts' requests get the database and the engine between batches. The running import's
 * progress lives in the database (settings 'importJob'), where the options page polls it and
 * where a cancel is left for the import to find before its next batch.
 */
import type { ImportRecord } from '../core/corpus/import-format';
import type { CorpusArticle } from '../core/corpus/types';
import type { ImportJob, ImportReport, Result } from '../messages';
import { importBatch } from './corpus-store';
import type { CorpusDb } from './db';
import { readerFirst } from './foreground';

const IMPORT_JOB = 'importJob';

/** A batch holds at most this many articles, or this many characters of text, whichever comes first. */
export const BATCH_LIMITS = { articles: 100, chars: 2_000_000 };

/** The records cut into batches by BATCH_LIMITS (a record longer than the text limit is a batch alone). */
export function batchesOf<T extends { text: string }>(records: T[], limits = BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let chars = 0;
  for (const record of records) {
    if (batch.length && (batch.length >= limits.articles || chars + record.text.length > limits.chars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(record);
    chars += record.text.length;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/** The running import, or null when none runs. */
export async function importProgress(db: CorpusDb): Promise<ImportJob | null> {
  return ((await db.settings.get(IMPORT_JOB))?.value as ImportJob | undefined) ?? null;
}

/** Ask the running import to stop after its current batch; false when none runs. */
export function cancelImport(db: CorpusDb): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const job = await importProgress(db);
    if (!job || job.cancelled) return false;
    await db.settings.put({ key: IMPORT_JOB, value: { ...job, cancelled: true } });
    return true;
  });
}

/**
 * Store a batch's progress, and answer it with any cancel the reader left; null when another
 * import has replaced this one's progress since.
 */
function advance(db: CorpusDb, job: ImportJob): Promise<ImportJob | null> {
  return db.transaction('rw', db.settings, async () => {
    const current = await importProgress(db);
    if (current?.id !== job.id) return null;
    const next = { ...job, cancelled: current.cancelled };
    await db.settings.put({ key: IMPORT_JOB, value: next });
    return next;
  });
}

/**
 * Import the records batch by batch, building each batch's articles with `build` just before
 * storing them, the reader's requests first (foreground.ts). A storage failure stops at that
 * batch, and the error says how many articles the earlier batches stored (they stay). A
 * cancel stops after the current batch and reports what was stored.
 */
export async function importInBatches(
  db: CorpusDb,
  records: ImportRecord[],
  build: (records: ImportRecord[]) => CorpusArticle[],
  limits = BATCH_LIMITS,
): Promise<Result<ImportReport>> {
  let job: ImportJob = {
    id: crypto.randomUUID(),
    total: records.length,
    done: 0,
    added: 0,
    cancelled: false,
    startedAt: Date.now(),
  };
  await db.settings.put({ key: IMPORT_JOB, value: job });
  const report: ImportReport = { added: [], skipped: [] };
  try {
    for (const batch of batchesOf(records, limits)) {
      const stored = report.added.length;
      const lost = stored
        ? `the import stopped after ${stored} article${stored === 1 ? '' : 's'} (those stay; the rest were not added)`
        : undefined;
      await readerFirst();
      const written = await importBatch(db, build(batch), job.done, lost);
      if (!written.ok) return written;
      report.added.push(...written.value.added);
      report.skipped.push(...written.value.skipped);
      const next = { ...job, done: job.done + batch.length, added: report.added.length };
      job = (await advance(db, next)) ?? next;
      if (job.cancelled && job.done < job.total) return { ok: true, value: { ...report, cancelled: true } };
    }
    return { ok: true, value: report };
  } finally {
    if ((await importProgress(db))?.id === job.id) await db.settings.delete(IMPORT_JOB);
  }
}
