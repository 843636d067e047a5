/**
 * Shared corpora: a JSON Lines (or JSON) file in the import format at an address, polled
 * like a feed. Its body gets the file import's checks, so a bad file changes nothing and
 * its error becomes the row's last error; a good one is imported idempotently (what the
 * corpus holds is skipped), in chunks, the row's new state with the last (store-entries.ts): a
 * worker stopped half-way has its validators unchanged, so the next poll reads the file again
 * and adds only what is missing.
 */
import { canonicalUrl } from '../../core/corpus/canonical-url';
import { type ImportRecord, parseImport } from '../../core/corpus/import-format';
import { articlesFromRecords } from '../corpus-service';
import type { CorpusDb, FeedRow } from '../db';
import { afterSuccess } from './feed-state';
import { CORPUS_BYTES } from './fetch';
import { fetchRow, type PollDeps, type RowResult, recordFailure } from './row-fetch';
import { storeEntries } from './store-entries';

const CORPUS_ACCEPT = 'application/jsonl, application/x-ndjson, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5';
// JSON is UTF-8 (RFC 8259); a BOM is dropped by the decoder.
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Fetch one shared corpus and import what the corpus does not hold yet. */
export async function pollSubscription(row: FeedRow, deps: PollDeps): Promise<RowResult> {
  const body = await fetchRow(row, deps, { maxBytes: CORPUS_BYTES, accept: CORPUS_ACCEPT }, utf8);
  if ('status' in body) return body;
  const parsed = parseImport(body.text, formatOf(body.text));
  if (!parsed.ok) return recordFailure(deps.db, row, parsed.error, deps.now());
  const records = await unseen(deps.db, parsed.value);
  const next = afterSuccess(row, deps.now(), { ...body.seen, title: null });
  const written = await storeEntries(deps.db, row, next, records, (chunk) => articlesFromRecords(chunk, 'shared'), {
    origin: 'shared',
    now: deps.now(),
  });
  if (!written.ok) return recordFailure(deps.db, (await deps.db.feeds.get(row.url)) ?? row, written.error, deps.now());
  return { status: 'added', added: written.value };
}

/**
 * JSON Lines, unless the file is one JSON array, or one object with an "articles" array
 * (an export). The import's own guess would read a file of one line as JSON.
 */
function formatOf(text: string): 'json' | 'jsonl' {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'jsonl';
  try {
    // A JSON Lines file fails here at its second line, so this costs little.
    return Array.isArray((JSON.parse(start) as { articles?: unknown }).articles) ? 'json' : 'jsonl';
  } catch {
    return 'jsonl';
  }
}

/**
 * The records whose address the corpus does not hold: skipped before they are annotated,
 * which is most of the work of a re-import. (The store checks every record again.)
 */
async function unseen(db: CorpusDb, records: ImportRecord[]): Promise<ImportRecord[]> {
  // As articleFromRecord identifies a record: by its URL, with its canonical URL as the hint.
  const urls = records.map((r) => (r.url ? canonicalUrl(r.url, { canonical: r.canonicalUrl ?? null }) : null));
  const known = new Set(
    (await db.articles
      .where('canonicalUrl')
      .anyOf(urls.filter((u): u is string => u !== null))
      .keys()) as string[],
  );
  return records.filter((_, i) => urls[i] === null || !known.has(urls[i]!));
}
