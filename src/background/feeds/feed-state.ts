/**
 * How a feed's row changes after a poll: a success clears its failures; a failure records
 * the error and when, and sets when to try again (the server's Retry-After, else a backoff
 * that doubles with each failure in a row, up to a day). Pure.
 */
import type { FeedRow } from '../db';
import { MAX_WAIT_MS, type Validators } from './fetch';

const FIRST_BACKOFF_MS = 15 * 60_000;

/** The row after an answer: new (with its validators and body hash) or unchanged. */
export function afterSuccess(
  row: FeedRow,
  now: number,
  fetched?: { validators: Validators; bodyHash: string; title: string | null },
): FeedRow {
  const next: FeedRow = { ...row, lastSuccess: now, failures: 0, retryAt: null };
  if (!fetched) return next;
  return {
    ...next,
    etag: fetched.validators.etag,
    lastModified: fetched.validators.lastModified,
    bodyHash: fetched.bodyHash,
    title: row.title ?? fetched.title,
  };
}

/** The row after a failure. Its validators stay: the last good answer is still the one we hold. */
export function afterFailure(row: FeedRow, error: string, now: number, retryAt: number | null = null): FeedRow {
  const failures = row.failures + 1;
  const backoff = Math.min(MAX_WAIT_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  return { ...row, failures, lastError: error, lastErrorAt: now, retryAt: retryAt ?? now + backoff };
}

/** Whether a row may be fetched at `now` (not waiting out a Retry-After or a backoff). */
export const isDue = (row: FeedRow, now: number) => row.retryAt === null || row.retryAt <= now;
