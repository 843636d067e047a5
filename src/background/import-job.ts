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
import { foregroundIdle } from './foreground';

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

/** Run `build`, keeping what it throws to throw where the batch it built is stored. */
function attempt(build: () => CorpusArticle[]): { articles: CorpusArticle[] } | { error: unknown } {
  try {
    return { articles: build() };
  } catch (error) {
    return { error };
  }
}

// A macrotask, not a microtask: pending messages and database requests run before the next batch.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Import the records batch by batch, building each batch's articles with `build` while the
 * batch before it is written. A storage failure stops at that batch, and the error says how many articles the
 * earlier batches stored (they stay). A cancel stops after the current batch and reports what
 * was stored.
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
  const batches = batchesOf(records, limits);
  // Each batch after the first is built while the one before it is being written: the
  // database writes on its own thread, and building is most of what this one does.
  let built: { articles: CorpusArticle[] } | { error: unknown } = attempt(() => build(batches[0] ?? []));
  try {
    for (const [i, batch] of batches.entries()) {
      if ('error' in built) throw built.error;
      const { articles } = built;
      const stored = report.added.length;
      const lost = stored
        ? `the import stopped after ${stored} article${stored === 1 ? '' : 's'} (those stay; the rest were not added)`
        : undefined;
      let nextBuilt = false;
      const buildNext = () => {
        nextBuilt = true;
        built = attempt(() => build(batches[i + 1] ?? []));
      };
      await foregroundIdle(); // a reader's request goes first
      const written = await importBatch(db, articles, job.done, lost, buildNext);
      if (!written.ok) return written;
      if (!nextBuilt) buildNext();
      report.added.push(...written.value.added);
      report.skipped.push(...written.value.skipped);
      const next = { ...job, done: job.done + batch.length, added: report.added.length };
      job = (await advance(db, next)) ?? next;
      if (job.cancelled && job.done < job.total) return { ok: true, value: { ...report, cancelled: true } };
      await nextTurn();
    }
    return { ok: true, value: report };
  } finally {
    if ((await importProgress(db))?.id === job.id) await db.settings.delete(IMPORT_JOB);
  }
}
