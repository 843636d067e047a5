/**
 * Fetching a feed or a shared corpus politely, and so that it tells no one what the reader
 * reads: no cookies or credentials, no referrer, no cache of ours; conditional requests with
 * the validators of the last answer; a timeout and a size limit; the server's Retry-After
 * obeyed. `fetch` is passed in, so tests give a fake.
 */

/** What a feed's row remembers of the last full answer. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchLimits {
  fetch: typeof fetch;
  now: () => number;
  /** Stop reading past this many bytes (5 MB for a feed, 50 MB for a shared corpus). */
  maxBytes: number;
  /** Give up when the whole answer has not arrived within this (20 s by default). */
  timeoutMs?: number;
  /** The Accept header: what kind of document we hope for. */
  accept: string;
  /** Aborted when following is switched off: every fetch in flight stops. */
  signal?: AbortSignal;
}

export type FetchOutcome =
  | { status: 'fetched'; bytes: Uint8Array; contentType: string | null; validators: Validators; url: string }
  | { status: 'unchanged' }
  /** `retryAt`: when the server said to come back (Retry-After), else null (the caller backs off). */
  | { status: 'failed'; error: string; retryAt: number | null };

export const FEED_BYTES = 5 * 1024 * 1024;
export const CORPUS_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
/** The longest Retry-After we honour as given: a day, as long as the longest backoff. */
export const MAX_WAIT_MS = 24 * 3_600_000;

class Refused extends Error {}

/** Fetch `url` once, conditionally on `validators`; never throws. */
export async function politeFetch(url: string, validators: Validators, limits: FetchLimits): Promise<FetchOutcome> {
  const timeoutMs = limits.timeoutMs ?? TIMEOUT_MS;
  if (limits.signal?.aborted) return { status: 'failed', error: 'stopped: following was switched off', retryAt: null };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  limits.signal?.addEventListener('abort', stop);
  const headers: Record<string, string> = { accept: limits.accept };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await limits.fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      headers,
      signal: controller.signal,
    });
    // Redirects are followed by the browser (at most 20); where they end must still be the web.
    const finalUrl = response.url || url;
    if (!/^https?:$/.test(new URL(finalUrl).protocol)) {
      void response.body?.cancel().catch(() => undefined);
      throw new Refused(`redirected to ${finalUrl}, which is not an http(s) address`);
    }
    if (response.status === 304) return { status: 'unchanged' };
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const retryAt =
        response.status === 429 || response.status === 503
          ? retryAfter(response.headers.get('retry-after'), limits.now())
          : null;
      return { status: 'failed', error: httpError(response, retryAt), retryAt };
    }
    const bytes = await readLimited(response, limits.maxBytes, controller.signal);
    return {
      status: 'fetched',
      bytes,
      contentType: response.headers.get('content-type'),
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      url: finalUrl,
    };
  } catch (error) {
    if (limits.signal?.aborted)
      return { status: 'failed', error: 'stopped: following was switched off', retryAt: null };
    if (controller.signal.aborted && !(error instanceof Refused))
      return { status: 'failed', error: `no complete answer within ${timeoutMs / 1000} seconds`, retryAt: null };
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'failed', error: error instanceof Refused ? reason : `network error: ${reason}`, retryAt: null };
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', stop);
  }
}

/**
 * The body, read chunk by chunk so that an answer too large is refused as soon as it is
 * (or before, when it says its length), never held whole in memory.
 */
async function readLimited(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const tooLarge = () => new Refused(`the answer is larger than ${maxBytes / 1048576} MB, the most Crosswire reads`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // A stalled body must not outlive the timeout: cancelling ends the pending read.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new Error('aborted');
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** When Retry-After says to come back: in seconds, or at an HTTP date; null when absent or unreadable. */
export function retryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  const at = /^\d+$/.test(value) ? now + Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at, now), now + MAX_WAIT_MS);
}

function httpError(response: Response, retryAt: number | null): string {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return retryAt === null ? status : `${status}: the server asked to wait until ${new Date(retryAt).toISOString()}`;
}
