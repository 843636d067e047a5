/**
 * Fetching a feed or a shared corpus politely, and so that it tells no one what the reader
 * reads: no cookies or credentials, no referrer, no cache of ours; conditional requests with
 * the validators of the last answer; a timeout and a size limit; the server's Retry-After
 * obeyed. `fetch` is passed in, so tests give a fake.
 */
import { fnv1a64Hasher } from '../../core/corpus/content-hash';

/** What a feed's row remembers of the last full answer. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchLimits {
  fetch: typeof fetch;
  now: () => number;
  /** Stop reading past this many bytes (5 MB for a feed, 1 GB for a shared corpus). */
  maxBytes: number;
  /** Give up when the whole answer has not arrived within this (20 s by default). */
  timeoutMs?: number;
  /**
   * Give up when the server sends nothing for this long, however long the whole answer
   * takes within `timeoutMs`: a large file arrives over minutes, a stalled one never does.
   */
  idleMs?: number;
  /** The Accept header: what kind of document we hope for. */
  accept: string;
  /** Aborted when following is switched off: every fetch in flight stops. */
  signal?: AbortSignal;
}

export type FetchOutcome<Body = Uint8Array> =
  | { status: 'fetched'; body: Body; contentType: string | null; validators: Validators; url: string }
  | { status: 'unchanged' }
  /** `retryAt`: when the server said to come back (Retry-After), else null (the caller backs off). */
  | { status: 'failed'; error: string; retryAt: number | null };

export const FEED_BYTES = 5 * 1024 * 1024;
/** A shared corpus is stored as it arrives and read in parts (subscriptions.ts), so it may be far larger. */
export const CORPUS_BYTES = 1024 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
/** The longest Retry-After we honour as given: a day, as long as the longest backoff. */
export const MAX_WAIT_MS = 24 * 3_600_000;

class Refused extends Error {}

/** Fetch `url` once, conditionally on `validators`; never throws. The body is read whole into memory. */
export function politeFetch(url: string, validators: Validators, limits: FetchLimits): Promise<FetchOutcome> {
  return fetchAnswer(url, validators, limits, (response, guard) =>
    readBody(response, limits.maxBytes, guard, bytesSink()),
  );
}

/**
 * As politeFetch, but the body is stored as it arrives, a few megabytes at a time, as a Blob,
 * with the FNV-1a hash of its bytes: a shared corpus may be far larger than a string the
 * background should hold. (Chromium keeps a Blob's bytes in its blob store, outside the
 * script's heap, on disk past a limit; how much memory a 1 GB body takes here is not measured.)
 */
export function politeFetchToBlob(
  url: string,
  validators: Validators,
  limits: FetchLimits,
): Promise<FetchOutcome<{ blob: Blob; hash: string }>> {
  return fetchAnswer(url, validators, limits, (response, guard) =>
    readBody(response, limits.maxBytes, guard, blobSink()),
  );
}

/** What reading a body may do to the request's deadline: note progress, and learn it was stopped. */
interface Guard {
  signal: AbortSignal;
  /** Some bytes arrived: the idle timeout starts again. */
  progress(): void;
}

async function fetchAnswer<Body>(
  url: string,
  validators: Validators,
  limits: FetchLimits,
  read: (response: Response, guard: Guard) => Promise<Body>,
): Promise<FetchOutcome<Body>> {
  const timeoutMs = limits.timeoutMs ?? TIMEOUT_MS;
  const idleMs = limits.idleMs;
  if (limits.signal?.aborted) return { status: 'failed', error: 'stopped: following was switched off', retryAt: null };
  const controller = new AbortController();
  let idle = false;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const progress = () => {
    if (idleMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idle = true;
      controller.abort();
    }, idleMs);
  };
  progress();
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
    const body = await read(response, { signal: controller.signal, progress });
    return {
      status: 'fetched',
      body,
      contentType: response.headers.get('content-type'),
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      url: finalUrl,
    };
  } catch (error) {
    if (limits.signal?.aborted)
      return { status: 'failed', error: 'stopped: following was switched off', retryAt: null };
    if (controller.signal.aborted && !(error instanceof Refused)) {
      const error = idle
        ? `the server sent nothing for ${idleMs! / 1000} seconds`
        : `no complete answer within ${timeoutMs / 1000} seconds`;
      return { status: 'failed', error, retryAt: null };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'failed', error: error instanceof Refused ? reason : `network error: ${reason}`, retryAt: null };
  } finally {
    clearTimeout(timer);
    clearTimeout(idleTimer);
    limits.signal?.removeEventListener('abort', stop);
  }
}

/** Where a body's chunks go as they arrive, and what is made of them at its end. */
interface Sink<Body> {
  add(chunk: Uint8Array<ArrayBuffer>): void;
  end(): Body;
}

/** The chunks joined into one array. */
function bytesSink(): Sink<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  return {
    add(chunk) {
      chunks.push(chunk);
      length += chunk.byteLength;
    },
    end() {
      const bytes = new Uint8Array(length);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      return bytes;
    },
  };
}

/** How many bytes a Blob sink holds as arrays before it hands them to a Blob. */
const BLOB_PIECE_BYTES = 4 * 1024 * 1024;

/** The chunks made into Blobs a few megabytes at a time (the arrays are then garbage), and hashed. */
function blobSink(): Sink<{ blob: Blob; hash: string }> {
  const pieces: Blob[] = [];
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let held = 0;
  const hash = fnv1a64Hasher();
  const flush = () => {
    if (chunks.length) pieces.push(new Blob(chunks));
    chunks = [];
    held = 0;
  };
  return {
    add(chunk) {
      hash.update(chunk);
      chunks.push(chunk);
      held += chunk.byteLength;
      if (held >= BLOB_PIECE_BYTES) flush();
    },
    end() {
      flush();
      return { blob: new Blob(pieces), hash: hash.digest() };
    },
  };
}

/**
 * The body, read chunk by chunk so that an answer too large is refused as soon as it is
 * (or before, when it says its length), never more than that read.
 */
async function readBody<Body>(response: Response, maxBytes: number, guard: Guard, sink: Sink<Body>): Promise<Body> {
  const tooLarge = () => new Refused(`the answer is larger than ${maxBytes / 1048576} MB, the most Crosswire reads`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) {
    sink.add(new Uint8Array(await response.arrayBuffer()));
    return sink.end();
  }
  const reader = response.body.getReader();
  // A stalled body must not outlive the timeout: cancelling ends the pending read.
  const cancel = () => void reader.cancel().catch(() => undefined);
  guard.signal.addEventListener('abort', cancel);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (guard.signal.aborted) throw new Error('aborted');
      if (done) break;
      guard.progress();
      length += value.byteLength;
      if (length > maxBytes) {
        cancel();
        throw tooLarge();
      }
      sink.add(value);
    }
  } finally {
    guard.signal.removeEventListener('abort', cancel);
  }
  return sink.end();
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
