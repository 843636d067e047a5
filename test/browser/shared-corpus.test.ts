// A team's shared corpus in real Chromium, served over local HTTPS on a news hostname: a JSON
// Lines file larger than one part (about 9 MB: parts hold at most 8 million characters) is
// stored as a Blob in the service worker as it arrives, checked part by part and imported
// part by part (that it goes in two parts is checked in test/background/feeds: here, that a
// Blob and its parts work in the service worker). Polled again, the server answers 304 and
// nothing is added; a broken update (its last line bad) changes nothing, and the subscription
// says which line is wrong.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_PATH, corpusRecord, TWO_PART_CORPUS } from '../fixtures/shared-corpus';
import { ensureBuilt } from '../ensure-built';
import { type FollowingBrowser, followOnly } from './following';

const CORPUS = `https://${CORPUS_PATH}`;
const ETAG = '"team-v1"';

const FILE = TWO_PART_CORPUS;
const BROKEN = `${[corpusRecord(1, 300), corpusRecord(4, 300), corpusRecord(5, 300, { published: 'Tuesday' })].join('\n')}\n`;

let browser: FollowingBrowser;
let body = FILE;
const requests: { etag: string | undefined }[] = [];

const corpusFile = (req: IncomingMessage, res: ServerResponse) => {
  const etag = req.headers['if-none-match'];
  requests.push({ etag });
  if (body === FILE && etag === ETAG) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/jsonl', ...(body === FILE && { etag: ETAG }) }).end(body);
};

const sharedCount = async () => (await browser.ask({ type: 'corpus-status' })).value.shared as number;
const subscription = async () =>
  (await browser.ask({ type: 'get-following' })).value.subscriptions.find((f: { url: string }) => f.url === CORPUS);

beforeAll(async () => {
  await ensureBuilt();
  browser = await followOnly({ [CORPUS_PATH]: corpusFile }, []);
}, 120_000);

afterAll(async () => {
  await browser?.extension.close();
  await browser?.server.close();
});

describe('a shared corpus larger than one part, in Chromium', () => {
  it('imports every article of the file', async () => {
    expect(FILE.length).toBeGreaterThan(8_000_000);
    const subscribed = await browser.ask({ type: 'subscribe-corpus', url: CORPUS });
    expect(subscribed).toMatchObject({ ok: true });
    expect(await subscription()).toMatchObject({ items: 3, lastError: null });
    expect(await sharedCount()).toBe(3);
  }, 120_000);

  it('adds nothing when polled again and the server answers 304', async () => {
    expect(await browser.ask({ type: 'poll-now' })).toMatchObject({ ok: true, value: { unchanged: 1, added: 0 } });
    expect(requests.at(-1)).toEqual({ etag: ETAG });
    expect(await sharedCount()).toBe(3);
  }, 60_000);

  it('changes nothing with a broken update, and says which line is wrong', async () => {
    body = BROKEN;
    const polled = await browser.ask({ type: 'poll-now' });
    expect(polled.value.failed).toEqual([{ url: CORPUS, error: expect.stringContaining('line 3: "published"') }]);
    expect(await sharedCount()).toBe(3);
    expect((await subscription()).lastError).toMatch(/^nothing was imported; 1 problem:\nline 3: "published" must be/);
  }, 60_000);
});
