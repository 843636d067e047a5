import { describe, expect, it } from 'vitest';
import { type FetchLimits, politeFetch, politeFetchToBlob, retryAfter } from '../../../src/background/feeds/fetch';
import { fnv1a64 } from '../../../src/core/corpus/content-hash';
import { answer, bigBody, fakeWeb, hanging, stallingBody } from './fake-web';

const URL_ = 'https://feeds.example.org/world.xml';
const NOW = Date.parse('2026-03-01T12:00:00Z');
const NONE = { etag: null, lastModified: null };
const limits = (fetch: typeof globalThis.fetch, more: Partial<FetchLimits> = {}): FetchLimits => ({
  fetch,
  now: () => NOW,
  maxBytes: 1024 * 1024,
  accept: 'application/rss+xml',
  ...more,
});
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('politeFetch', () => {
  it('sends no credentials, no referrer and no cached copy, and remembers the validators of a new answer', async () => {
    const web = fakeWeb({
      [URL_]: answer('<rss/>', {
        headers: { etag: '"v1"', 'last-modified': 'Sun, 01 Mar 2026 11:00:00 GMT', 'content-type': 'text/xml' },
      }),
    });
    const got = await politeFetch(URL_, NONE, limits(web.fetch));
    expect(got).toMatchObject({
      status: 'fetched',
      contentType: 'text/xml',
      validators: { etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT' },
      url: URL_,
    });
    expect(got.status === 'fetched' && text(got.body)).toBe('<rss/>');
    const [sent] = web.sent;
    expect(sent?.init).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
    expect(sent?.headers).toEqual({ accept: 'application/rss+xml' });
  });

  it('asks conditionally with the validators it holds, and reads a 304 as unchanged', async () => {
    const web = fakeWeb({
      [URL_]: (r) => (r.headers['if-none-match'] === '"v1"' ? answer(null, { status: 304 }) : answer('<rss>new</rss>')),
    });
    const validators = { etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT' };
    expect(await politeFetch(URL_, validators, limits(web.fetch))).toEqual({ status: 'unchanged' });
    expect(web.sent[0]?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Sun, 01 Mar 2026 11:00:00 GMT',
    });
    expect(await politeFetch(URL_, { etag: '"v0"', lastModified: null }, limits(web.fetch))).toMatchObject({
      status: 'fetched',
    });
  });

  it('obeys Retry-After on 429 and 503, in seconds or as a date, capped at a day', async () => {
    const web = fakeWeb({
      'https://a.example.org/f': answer('slow down', { status: 429, headers: { 'retry-after': '120' } }),
      'https://b.example.org/f': answer('', {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'retry-after': 'Sun, 01 Mar 2026 13:00:00 GMT' },
      }),
      'https://c.example.org/f': answer('', { status: 429, headers: { 'retry-after': '9999999' } }),
      'https://d.example.org/f': answer('', { status: 503 }),
    });
    const at = async (url: string) => politeFetch(url, NONE, limits(web.fetch));
    expect(await at('https://a.example.org/f')).toMatchObject({ status: 'failed', retryAt: NOW + 120_000 });
    expect(await at('https://b.example.org/f')).toEqual({
      status: 'failed',
      retryAt: Date.parse('2026-03-01T13:00:00Z'),
      error: 'HTTP 503 Service Unavailable: the server asked to wait until 2026-03-01T13:00:00.000Z',
    });
    expect(await at('https://c.example.org/f')).toMatchObject({ retryAt: NOW + 24 * 3_600_000 });
    // Without Retry-After the caller backs off by itself.
    expect(await at('https://d.example.org/f')).toEqual({ status: 'failed', error: 'HTTP 503', retryAt: null });
  });

  it('reads Retry-After as the standard says, refusing what it cannot read', () => {
    expect(retryAfter('0', NOW)).toBe(NOW);
    expect(retryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(NOW); // a date past is now
    expect(retryAfter('soon', NOW)).toBeNull();
    expect(retryAfter(null, NOW)).toBeNull();
  });

  it('reports other HTTP errors and network errors as failures, without a Retry-After', async () => {
    const web = fakeWeb({ [URL_]: answer('gone', { status: 404, statusText: 'Not Found' }) });
    expect(await politeFetch(URL_, NONE, limits(web.fetch))).toEqual({
      status: 'failed',
      error: 'HTTP 404 Not Found',
      retryAt: null,
    });
    expect(await politeFetch('https://nowhere.example.org/', NONE, limits(web.fetch))).toEqual({
      status: 'failed',
      error: 'network error: Failed to fetch',
      retryAt: null,
    });
  });

  it('refuses an answer over the size limit, whether it says its length or streams past it', async () => {
    const big = bigBody(3 * 1024 * 1024);
    const web = fakeWeb({
      'https://a.example.org/f': answer('x'.repeat(10), { headers: { 'content-length': String(2 * 1024 * 1024) } }),
      'https://b.example.org/f': answer(big.stream),
    });
    const refused = { status: 'failed', error: 'the answer is larger than 1 MB, the most Crosswire reads' };
    expect(await politeFetch('https://a.example.org/f', NONE, limits(web.fetch))).toMatchObject(refused);
    expect(await politeFetch('https://b.example.org/f', NONE, limits(web.fetch))).toMatchObject(refused);
    // It stopped reading soon after the limit, not at the end of 3 MB.
    expect(big.pulled()).toBeLessThan(20);
  });

  it('gives up on a server that does not answer, or stalls in the middle of its answer', async () => {
    const web = fakeWeb({
      'https://a.example.org/f': hanging,
      'https://b.example.org/f': answer(stallingBody('<rss><channel>')),
    });
    const quick = limits(web.fetch, { timeoutMs: 50 });
    const timedOut = { status: 'failed', error: 'no complete answer within 0.05 seconds', retryAt: null };
    expect(await politeFetch('https://a.example.org/f', NONE, quick)).toEqual(timedOut);
    expect(await politeFetch('https://b.example.org/f', NONE, quick)).toEqual(timedOut);
  });

  it('refuses a redirect that ends anywhere but an http(s) address, and follows one that stays on the web', async () => {
    const web = fakeWeb({
      'https://a.example.org/f': answer('secret', { url: 'file:///etc/passwd' }),
      'https://b.example.org/f': answer('<rss/>', { url: 'https://b.example.org/moved.xml' }),
    });
    expect(await politeFetch('https://a.example.org/f', NONE, limits(web.fetch))).toEqual({
      status: 'failed',
      error: 'redirected to file:///etc/passwd, which is not an http(s) address',
      retryAt: null,
    });
    expect(await politeFetch('https://b.example.org/f', NONE, limits(web.fetch))).toMatchObject({
      status: 'fetched',
      url: 'https://b.example.org/moved.xml',
    });
  });

  it('stops when following is switched off, before or during a fetch', async () => {
    const web = fakeWeb({ [URL_]: hanging });
    const off = new AbortController();
    const pending = politeFetch(URL_, NONE, limits(web.fetch, { signal: off.signal }));
    off.abort();
    const stopped = { status: 'failed', error: 'stopped: following was switched off', retryAt: null };
    expect(await pending).toEqual(stopped);
    expect(await politeFetch(URL_, NONE, limits(web.fetch, { signal: off.signal }))).toEqual(stopped);
    expect(web.sent).toHaveLength(1);
  });

  it('stores a large body as a Blob as it arrives, with the hash of its bytes', async () => {
    // Over a Blob piece (4 MB), in chunks that split a character between them.
    const line = `{"text": "Délégués à Genève, ${'é'.repeat(1000)}"}\n`;
    const whole = line.repeat(5000);
    const bytes = new TextEncoder().encode(whole);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 65_537) controller.enqueue(bytes.slice(at, at + 65_537));
        controller.close();
      },
    });
    const web = fakeWeb({ [URL_]: answer(body, { headers: { etag: '"b"' } }) });
    const got = await politeFetchToBlob(URL_, NONE, limits(web.fetch, { maxBytes: 64 * 1024 * 1024 }));
    if (got.status !== 'fetched') throw new Error(`not fetched: ${JSON.stringify(got)}`);
    expect(got.body.blob.size).toBe(bytes.length);
    expect(await got.body.blob.text()).toBe(whole);
    expect(got.body.hash).toBe(fnv1a64(whole));
    expect(got.validators.etag).toBe('"b"');
  });

  it('with an idle timeout, waits for a body that keeps coming, and gives up on one that stops', async () => {
    const trickle = (chunks: number) =>
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 25));
          if (chunks-- > 0) controller.enqueue(new TextEncoder().encode('{"text": "Talks resumed."}\n'));
          else controller.close();
        },
      });
    const web = fakeWeb({
      'https://a.example.org/f': () => answer(trickle(30)),
      'https://b.example.org/f': answer(stallingBody('{"text": ')),
    });
    const patient = limits(web.fetch, { timeoutMs: 10_000, idleMs: 500 });
    // 30 chunks 25 ms apart: longer in all than the idle timeout, each well within it.
    const slow = await politeFetchToBlob('https://a.example.org/f', NONE, patient);
    expect(slow.status === 'fetched' && (await slow.body.blob.text()).split('\n').length).toBe(31);
    expect(await politeFetchToBlob('https://b.example.org/f', NONE, patient)).toEqual({
      status: 'failed',
      error: 'the server sent nothing for 0.5 seconds',
      retryAt: null,
    });
    // The whole answer's limit still holds.
    const hurried = limits(web.fetch, { timeoutMs: 100, idleMs: 500 });
    expect(await politeFetchToBlob('https://a.example.org/f', NONE, hurried)).toEqual({
      status: 'failed',
      error: 'no complete answer within 0.1 seconds',
      retryAt: null,
    });
  });
});
