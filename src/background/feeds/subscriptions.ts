/**
 * Shared corpora: a JSON Lines (or JSON) file in the import format at an address, polled
 * like a feed. Its body gets the file import's checks, so a bad file changes nothing and
 * its error becomes the row's last error; a good one is imported idempotently (what the
 * corpus holds is skipped), in chunks, the row's new state with the last (store-entries.ts): a
 * worker stopped half-way has its validators unchanged, so the next poll reads the file again
 * and adds only what is missing.
 *
 * A JSON Lines file may be of any size up to CORPUS_BYTES: it is stored as a Blob as it
 * arrives, checked part by part, then imported part by part (shared/json-lines.ts), so the
 * background holds one part at a time. A JSON file is one value, so it is read whole, and
 * held to the import's MAX_BYTES.
 */
import { canonicalUrl } from '../../core/corpus/canonical-url';
import { type ImportRecord, MAX_BYTES, parseImport } from '../../core/corpus/import-format';
import { checkLinesFile, linesParts, PART_LIMITS } from '../../shared/json-lines';
import { articlesFromRecords } from '../corpus-service';
import { storedUnder } from '../corpus-store';
import type { CorpusDb, FeedRow } from '../db';
import { afterSuccess } from './feed-state';
import { saveRow } from './feed-rows';
import { CORPUS_BYTES, politeFetchToBlob } from './fetch';
import { type PollDeps, type RowResult, recordFailure } from './row-fetch';
import { storeEntries } from './store-entries';

const CORPUS_ACCEPT = 'application/jsonl, application/x-ndjson, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5';
/** A large corpus arrives over minutes: the whole of it may take this long, if bytes keep coming. */
const CORPUS_TIMEOUT_MS = 30 * 60_000;
/** How long the server may send nothing before the fetch is given up (a feed's whole timeout). */
const CORPUS_IDLE_MS = 20_000;

/** How large a shared corpus may be, and the parts it is read in. Tests pass smaller ones. */
export interface SubscriptionLimits {
  /** The most bytes fetched. */
  bytes: number;
  /** The most bytes of a JSON file, which is read whole. */
  jsonBytes: number;
  parts: typeof PART_LIMITS;
}

export const SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  bytes: CORPUS_BYTES,
  jsonBytes: MAX_BYTES,
  parts: PART_LIMITS,
};

/** Fetch one shared corpus and import what the corpus does not hold yet. */
export async function pollSubscription(
  row: FeedRow,
  deps: PollDeps,
  limits: SubscriptionLimits = SUBSCRIPTION_LIMITS,
): Promise<RowResult> {
  const outcome = await politeFetchToBlob(row.url, row, {
    fetch: deps.fetch,
    now: deps.now,
    accept: CORPUS_ACCEPT,
    maxBytes: limits.bytes,
    timeoutMs: CORPUS_TIMEOUT_MS,
    idleMs: deps.timeoutMs ?? CORPUS_IDLE_MS,
    ...(deps.signal && { signal: deps.signal }),
  });
  if (outcome.status === 'failed') return recordFailure(deps.db, row, outcome.error, deps.now(), outcome.retryAt);
  if (outcome.status === 'unchanged') {
    await saveRow(deps.db, afterSuccess(row, deps.now()));
    return { status: 'unchanged' };
  }
  const { blob, hash } = outcome.body;
  const next = afterSuccess(row, deps.now(), { validators: outcome.validators, bodyHash: hash, title: null });
  // The very bytes read last time (a server without validators): not read again.
  if (hash === row.bodyHash) {
    await saveRow(deps.db, next);
    return { status: 'unchanged' };
  }
  const format = await formatOf(blob, limits.jsonBytes);
  if (format !== 'json' && format !== 'jsonl') return recordFailure(deps.db, row, format.error, deps.now());
  const written =
    format === 'json' ? await importWhole(blob, row, next, deps) : await importInParts(blob, row, next, deps, limits);
  if (!written.ok) return recordFailure(deps.db, (await deps.db.feeds.get(row.url)) ?? row, written.error, deps.now());
  return { status: 'added', added: written.value };
}

type Written = { ok: true; value: number } | { ok: false; error: string };

/** A JSON file (one array, or an export's object): parsed whole, as a file import is. */
async function importWhole(blob: Blob, row: FeedRow, next: FeedRow, deps: PollDeps): Promise<Written> {
  const parsed = parseImport(await blob.text(), 'json');
  if (!parsed.ok) return parsed;
  return store(parsed.value, row, next, deps, true);
}

/**
 * A JSON Lines file: every part checked first (a problem anywhere imports nothing), then each
 * part imported in turn. Following switched off during a poll (its signal), or the
 * subscription removed, stops it between parts; what was stored stays, and the row keeps its
 * old validators.
 */
async function importInParts(
  blob: Blob,
  row: FeedRow,
  next: FeedRow,
  deps: PollDeps,
  limits: SubscriptionLimits,
): Promise<Written> {
  const checked = await checkLinesFile(blob, limits.parts);
  if (!checked.ok) return checked;
  const counts = checked.value.parts;
  let added = 0;
  let n = 0;
  for await (const part of linesParts(blob, limits.parts)) {
    const final = n === counts.length - 1;
    const articles = counts[n++] ?? 0;
    // Not `isOn`: subscribing imports the file whether or not following is on.
    if (n > 1 && (deps.signal?.aborted || !(await deps.db.feeds.get(row.url))))
      return { ok: false, error: `stopped after ${added} of the file's ${checked.value.total} articles` };
    // A part of blank lines only still stores nothing, and the last writes the row's new state.
    const parsed = articles ? parseImport(part.text, 'jsonl', part.firstLine) : { ok: true as const, value: [] };
    if (!parsed.ok) return parsed;
    const written = await store(parsed.value, row, next, deps, final);
    if (!written.ok) {
      const stay = added
        ? ` The ${added} articles from the file's earlier lines stay; the next poll adds the rest.`
        : '';
      return { ok: false, error: `${written.error}${stay}` };
    }
    added += written.value;
  }
  return { ok: true, value: added };
}

/** Store the records the corpus does not hold yet, as whole articles of the shared corpus. */
async function store(records: ImportRecord[], row: FeedRow, next: FeedRow, deps: PollDeps, final: boolean) {
  return storeEntries(
    deps.db,
    row,
    next,
    await unseen(deps.db, records),
    (chunk) => articlesFromRecords(chunk, 'shared'),
    {
      origin: 'shared',
      now: deps.now(),
      final,
    },
  );
}

/**
 * JSON Lines, unless the file is one JSON array, or one object with an "articles" array
 * (an export), which are read whole: so at most `jsonBytes`. The import's own guess would
 * read a file of one line as JSON. Only the file's first line is read to tell, unless it is
 * not JSON (a JSON value written over several lines, or a broken first record).
 */
async function formatOf(blob: Blob, jsonBytes: number): Promise<'json' | 'jsonl' | { error: string }> {
  const head = (await blob.slice(0, 1024).text()).trimStart();
  const size = `${Math.round(blob.size / 1048576)} MB`;
  const tooLarge = (what: string) => ({
    error:
      `${what}, and the file is ${size}: a JSON file is read whole, so at most ${jsonBytes / 1048576} MB; ` +
      `as JSON Lines (one article a line) it can be up to ${CORPUS_BYTES / 1073741824} GB; nothing was imported`,
  });
  if (head.startsWith('[')) return blob.size > jsonBytes ? tooLarge('the file is a JSON array') : 'json';
  if (!head.startsWith('{')) return 'jsonl';
  const record = objectOf(await firstLine(blob));
  if (record && !Array.isArray(record.articles)) return 'jsonl';
  if (record) return blob.size > jsonBytes ? tooLarge('the file is one JSON object') : 'json';
  if (blob.size > jsonBytes) return tooLarge('its first line is not an article (a JSON object)');
  return Array.isArray(objectOf(await blob.text())?.articles) ? 'json' : 'jsonl';
}

/** The file's first line that is not blank ('' when there is none, or it is too long to be a record). */
async function firstLine(blob: Blob): Promise<string> {
  const parts = linesParts(blob, { ...PART_LIMITS, lines: 1 });
  try {
    for await (const part of parts) if (part.text.trim()) return part.text.trim();
  } catch {
    // Longer than any record may be: not one.
  } finally {
    await parts.return(undefined);
  }
  return '';
}

/** `text` as a JSON object, or null when it is not one. */
function objectOf(text: string): { articles?: unknown } | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The records whose address the corpus does not hold: skipped before they are annotated,
 * which is most of the work of a re-import. (The store checks every record again.)
 */
async function unseen(db: CorpusDb, records: ImportRecord[]): Promise<ImportRecord[]> {
  // As articleFromRecord identifies a record: by its URL, with its canonical URL as the hint.
  const urls = records.map((r) => (r.url ? canonicalUrl(r.url, { canonical: r.canonicalUrl ?? null }) : null));
  const known = await storedUnder(
    db,
    'canonicalUrl',
    urls.filter((u): u is string => u !== null),
  );
  return records.filter((_, i) => urls[i] === null || !known.has(urls[i]!));
}
