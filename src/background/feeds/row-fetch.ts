/**
 * What polling a feed and polling a shared corpus share: fetch the row's address politely
 * and, when the answer brings nothing to read (unchanged, failed, the same body as last
 * time), record that on the row and say so.
 */
import { fnv1a64 } from '../../core/corpus/content-hash';
import type { CorpusDb, FeedRow } from '../db';
import { afterFailure, afterSuccess } from './feed-state';
import { type FetchLimits, politeFetch, type Validators } from './fetch';
import { saveRow } from './feed-rows';

/** What a poll needs from the outside world. */
export interface PollDeps {
  db: CorpusDb;
  fetch: typeof fetch;
  now: () => number;
  /** Days a feed entry is kept: older items are not added. */
  retentionDays: number;
  /** Asked before each fetch: following switched off stops the poll. */
  isOn: () => Promise<boolean>;
  /** Aborted when following is switched off: fetches in flight stop too. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** How one row's poll went. */
export type RowResult =
  | { status: 'added'; added: number }
  | { status: 'unchanged' }
  | { status: 'failed'; error: string };

/** A new body to read, with what the row will remember of it once it is read. */
export interface NewBody {
  text: string;
  url: string;
  seen: { validators: Validators; bodyHash: string };
}

/**
 * Fetch a row. Unchanged (a 304, or the very body read last time) and failed answers are
 * written to the row here; a new body is handed back, decoded, for the caller to read.
 */
export async function fetchRow(
  row: FeedRow,
  deps: PollDeps,
  limits: Pick<FetchLimits, 'maxBytes' | 'accept'>,
  decode: (bytes: Uint8Array, contentType: string | null) => string,
): Promise<RowResult | NewBody> {
  const outcome = await politeFetch(row.url, row, {
    ...limits,
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
    ...(deps.signal && { signal: deps.signal }),
  });
  if (outcome.status === 'failed') return recordFailure(deps.db, row, outcome.error, deps.now(), outcome.retryAt);
  if (outcome.status === 'unchanged') {
    await saveRow(deps.db, afterSuccess(row, deps.now()));
    return { status: 'unchanged' };
  }
  const text = decode(outcome.body, outcome.contentType);
  const bodyHash = fnv1a64(text);
  if (bodyHash === row.bodyHash) {
    await saveRow(deps.db, afterSuccess(row, deps.now(), { validators: outcome.validators, bodyHash, title: null }));
    return { status: 'unchanged' };
  }
  return { text, url: outcome.url, seen: { validators: outcome.validators, bodyHash } };
}

/** Record a failure on the row (its backoff grows) and say what it was. */
export async function recordFailure(
  db: CorpusDb,
  row: FeedRow,
  error: string,
  now: number,
  retryAt: number | null = null,
): Promise<RowResult> {
  await saveRow(db, afterFailure(row, error, now, retryAt));
  return { status: 'failed', error };
}
